import type { Command } from 'commander';
import { withTarget, type CliIo } from '../cli-context';
import { parsePositiveInteger } from './config-command';

/** `switchboard outbox list`: what the dry-run providers would have sent. */
export function registerOutboxCommands(program: Command, io: CliIo): void {
  const outbox = program.command('outbox').description('calls the dry-run providers recorded instead of sending');

  outbox
    .command('list')
    .description('recorded calls, newest first')
    .option('--provider <name>', 'only this provider (e.g. slack)')
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .option('--full', 'print each call in full')
    .action(async (options: { provider?: string; limit: number; full?: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const entries = await target.outbox.list({ limit: options.limit, ...(options.provider === undefined ? {} : { provider: options.provider }) });
        if (options.full && !output.json) {
          output.record(entries, () => entries.flatMap((e) => [`${e.recordedAt}  ${e.provider} ${e.operation}`, JSON.stringify(e.request, null, 2), '']));
          return;
        }
        output.table(
          entries.map((e) => (output.json ? e : { recordedAt: e.recordedAt, provider: e.provider, operation: e.operation, request: e.request })),
          ['recordedAt', 'provider', 'operation', 'request'],
          'The outbox is empty: no dry-run provider has been asked to send anything.',
        );
      });
    });
}
