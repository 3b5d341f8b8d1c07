import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';

/** A TCP port, 1–65535. */
function parsePort(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65_535) throw new InvalidArgumentError(`"${value}" is not a port (1 to 65535).`);
  return port;
}

/**
 * `switchboard console`: the web console, served from this process on 127.0.0.1 (never on the webhook
 * port), on the local Switchboard or, with `--stack`, a deployed one. The console's code is loaded only
 * here, so that the other commands do not pay for it.
 */
export function registerConsoleCommand(program: Command, io: CliIo): void {
  program
    .command('console')
    .description('open the web console: runs (live), a run and its replay, incidents, deliveries, timers, outbox, configuration')
    .option('--port <n>', 'listen on this port of 127.0.0.1 (default 4711, or a free one if it is taken)', parsePort)
    .option('--no-open', 'print the address only; do not open a browser')
    .addHelpText(
      'after',
      "\nExamples:\n  switchboard console\n  switchboard console --port 8080 --no-open\n  switchboard --stack Switchboard console      the deployed stack, with your AWS credentials\n\nThe address carries a token new at every launch: only a browser that opened it gets in. Ctrl-C stops.",
    )
    .action(async (options: { port?: number; open: boolean }, command: Command) => {
      await withTarget(
        command,
        io,
        async (target, output) => {
          const [{ startConsoleServer, ConsolePortError }, { openBrowser }] = await Promise.all([import('../../console/console-server'), import('../../console/open-browser')]);
          const running = await startConsoleServer({ target, port: options.port }).catch((error: unknown) => {
            throw error instanceof ConsolePortError ? new CliError(error.message) : error;
          });
          try {
            const opened = options.open ? await openBrowser(running.url, { env: io.env }) : false;
            output.record({ url: running.url, target: target.description }, () => [
              `Switchboard console for ${target.description}:`,
              `  ${running.url}`,
              options.open && !opened ? '(no browser could be opened here: open the address above in one)' : '',
              'The address is for you only: it carries this launch’s token. Ctrl-C stops the console.',
            ].filter((line) => line !== ''));
            await stopped(io);
          } finally {
            await running.close();
          }
        },
        { write: true },
      );
    });
}

/** Resolves when the console should stop: the test's signal, or Ctrl-C / SIGTERM. */
function stopped(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    if (io.signal !== undefined) {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
