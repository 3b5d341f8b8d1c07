/** A failure the CLI reports as one clear message (exit code 1), never with a stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
