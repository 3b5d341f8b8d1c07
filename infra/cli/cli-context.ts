import type { Command } from 'commander';
import { createOutput, type Output } from './output';
import { openTarget, type Target } from './target';

/** Opens the target named by the global options, runs the action, and always closes it. */
export async function withTarget<T>(command: Command, action: (target: Target, output: Output) => Promise<T>): Promise<T> {
  const options = command.optsWithGlobals<{ json?: boolean; stack?: string }>();
  const target = await openTarget({ stack: options.stack });
  try {
    return await action(target, createOutput(options.json ?? false));
  } finally {
    await target.close();
  }
}

/** A failure the CLI reports as one clear message (exit code 1). */
export class CliError extends Error {
  override readonly name = 'CliError';
}
