import type { Logger } from '../log/logger';
import { DryRunGitHub } from '../providers/github/dry-run-github';
import type { GitHub } from '../providers/github/github';
import { githubCredentialsOf } from '../providers/github/github-credentials';
import { LiveGitHub } from '../providers/github/live-github';
import { UnconfiguredGitHub } from '../providers/github/unconfigured-github';
import type { Outbox } from '../providers/outbox';
import type { Secrets } from '../settings/secrets';

export interface AwsGitHubInput {
  secrets: Secrets;
  dryRun: boolean;
  /** `GITHUB_API_URL` (GitHub Enterprise Server), else https://api.github.com. */
  apiUrl: string | undefined;
  log: Logger;
  outbox: Outbox;
}

/**
 * GitHub on AWS: octokit with the secret's token or GitHub App, live unless the stack lists `github` as
 * dry-run. Passed in by the Lambda entry of the automations that call GitHub, so that the others do not
 * bundle octokit.
 *
 * @example
 * export const handler = lambdaAutomationHandler(githubLabels, { github: awsGitHub });
 */
export function awsGitHub({ secrets, dryRun, apiUrl, log, outbox }: AwsGitHubInput): GitHub {
  if (dryRun) return new DryRunGitHub(outbox);
  const credentials = githubCredentialsOf(secrets);
  if (credentials === undefined) return new UnconfiguredGitHub();
  return new LiveGitHub({ credentials, apiUrl, log });
}
