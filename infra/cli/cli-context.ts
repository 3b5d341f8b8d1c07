import type { Command } from 'commander';
import { createOutput, type Output } from './output';
import { openTarget, type Target } from './target';

/** Where the CLI writes and what environment it reads: the process's, or a test's. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Where the project's data is looked for (default: the process's working directory). */
  cwd?: string;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/**
 * Opens the target named by the global options, runs the action, and always closes it. Commands that
 * change state say so (`write`); the others open the local store read-only and never create one.
 */
export async function withTarget<T>(command: Command, io: CliIo, action: (target: Target, output: Output) => Promise<T>, options: { write?: boolean } = {}): Promise<T> {
  const globals = command.optsWithGlobals<{ json?: boolean; stack?: string }>();
  const target = await openTarget({ stack: globals.stack, env: io.env, write: options.write ?? false, ...(io.cwd === undefined ? {} : { cwd: io.cwd }) });
  try {
    return await action(target, createOutput(globals.json ?? false, io.stdout));
  } finally {
    await target.close();
  }
}
