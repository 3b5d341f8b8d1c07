import { createLogger, type LogLevel } from '../../shared/log/logger';
import { DryRunGitHub } from '../../shared/providers/github/dry-run-github';
import type { GitHub } from '../../shared/providers/github/github';
import { githubCredentialsOf } from '../../shared/providers/github/github-credentials';
import { readEnv } from '../../shared/settings/read-env';
import type { Target } from '../admin/target';

/**
 * The GitHub adapter the CLI acts with on a target: live with the target's credentials (locally the
 * environment and `.env`; with `--stack`, the stack's secret) at `GITHUB_API_URL`, else dry-run into the
 * target's outbox. octokit is loaded only when it is used. Its log lines go to stderr only at
 * `LOG_LEVEL` WARN or below (default ERROR), so that they never mix with a command's output.
 */
export async function githubForTarget(target: Target, env: Record<string, string | undefined>): Promise<GitHub> {
  const credentials = githubCredentialsOf(await target.secrets());
  if (credentials === undefined) return new DryRunGitHub(target.outbox);
  const settings = readEnv(env);
  const { LiveGitHub } = await import('../../shared/providers/github/live-github');
  const level: LogLevel = env['LOG_LEVEL'] === undefined ? 'ERROR' : settings.logLevel;
  return new LiveGitHub({ credentials, apiUrl: settings.apiUrls.github, log: createLogger({ level, runtime: 'local' }) });
}
