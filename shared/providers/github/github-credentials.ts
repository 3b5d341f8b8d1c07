import type { Secrets } from '../../settings/secrets';

/** How Switchboard authenticates to GitHub: a token, or as a GitHub App (installation tokens per repository owner). */
export type GitHubCredentials = { kind: 'token'; token: string } | { kind: 'app'; appId: string; privateKey: string };

/**
 * The GitHub credentials among the secrets: the GitHub App when `GITHUB_APP_ID` and
 * `GITHUB_APP_PRIVATE_KEY` are both set (it wins over a token), else `GITHUB_TOKEN`, else none. A private
 * key kept on one line with `\n` escapes (as `.env` files and JSON secrets often hold it) is restored.
 *
 * @example
 * const credentials = githubCredentialsOf(secrets); // { kind: 'token', token: 'ghp_…' }
 */
export function githubCredentialsOf(secrets: Secrets): GitHubCredentials | undefined {
  const { GITHUB_APP_ID: appId, GITHUB_APP_PRIVATE_KEY: privateKey, GITHUB_TOKEN: token } = secrets;
  if (appId !== undefined && privateKey !== undefined) return { kind: 'app', appId, privateKey: privateKey.replace(/\\n/g, '\n') };
  if (token !== undefined) return { kind: 'token', token };
  return undefined;
}
