import { main } from '../../infra/cli/main';
import type { CliIo } from '../../infra/cli/cli-context';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process, as `switchboard ARGS` would in a shell, against the given environment; `io`
 * sets what the shell would (the terminal's width, a working directory, a signal that stops `--follow`).
 */
export async function switchboardCli(args: readonly string[], env: Record<string, string | undefined>, io: Partial<Omit<CliIo, 'stdout' | 'stderr' | 'env'>> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    ...io,
  });
  return { code, stdout, stderr };
}
