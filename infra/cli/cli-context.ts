import type { Command } from 'commander';
import { createOutput, type Output } from './output';
import { openTarget, type Target } from './target';

/** Where the CLI writes and what environment it reads: the process's, or a test's. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Opens the target named by the global options, runs the action, and always closes it. */
export async function withTarget<T>(command: Command, io: CliIo, action: (target: Target, output: Output) => Promise<T>): Promise<T> {
  const options = command.optsWithGlobals<{ json?: boolean; stack?: string }>();
  const target = await openTarget({ stack: options.stack, env: io.env });
  try {
    return await action(target, createOutput(options.json ?? false, io.stdout));
  } finally {
    await target.close();
  }
}

/** A failure the CLI reports as one clear message (exit code 1). */
export class CliError extends Error {
  override readonly name = 'CliError';
}
