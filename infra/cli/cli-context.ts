import type { Command } from 'commander';
import { createOutput, type Output } from './output';
import { openTarget, type Target } from '../admin/target';

/** Where the CLI writes and what environment it reads: the process's, or a test's. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Where the project's data is looked for (default: the process's working directory). */
  cwd?: string;
  /** The terminal's width, when the output is a terminal: tables fit it. */
  columns?: number | undefined;
  /** Whether stdout is a terminal (colours, live lines). */
  isTerminal?: boolean;
  /** Stops a command that runs until stopped (`runs list --follow`); by default Ctrl-C does. */
  signal?: AbortSignal;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  isTerminal: process.stdout.isTTY === true,
};

/** The global options every command takes. */
export interface GlobalOptions {
  json?: boolean;
  stack?: string;
  utc?: boolean;
}

/**
 * Opens the target named by the global options, runs the action, and always closes it. Commands that
 * change state say so (`write`); the others open the local store read-only and never create one. Times
 * are shown in the business time zone of the configuration in force, or in UTC with `--utc`.
 */
export async function withTarget<T>(command: Command, io: CliIo, action: (target: Target, output: Output) => Promise<T>, options: { write?: boolean } = {}): Promise<T> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const target = await openTarget({ stack: globals.stack, env: io.env, write: options.write ?? false, ...(io.cwd === undefined ? {} : { cwd: io.cwd }) });
  try {
    const timeZone = globals.utc ? undefined : (await target.configs.find().catch(() => undefined))?.config.businessHours.timeZone;
    return await action(target, createOutput({ json: globals.json ?? false, write: io.stdout, width: io.columns, timeZone }));
  } finally {
    await target.close();
  }
}
