import { InvalidArgumentError } from 'commander';
import type { Config } from '../../../../shared/config/config-schema';
import { parseRepositoryName } from '../../../../shared/providers/github/github';
import { CliError } from '../../cli-error';

/**
 * The repository a `--repo` option names: `public` or `confidential` (githubLabels.repositories), or
 * "owner/name". Without repositories configured, `public` is `{org}/product`.
 */
export function repositoryOption(config: Config, value: string): string {
  const repositories = config.githubLabels.repositories;
  if (value === 'public') return repositories?.public ?? `${config.company.github.org}/product`;
  if (value === 'confidential') {
    if (repositories === undefined) throw new CliError('no confidential repository: set githubLabels.repositories in the configuration, or pass --repo owner/name');
    return repositories.confidential;
  }
  if (parseRepositoryName(value) === undefined) throw new CliError(`--repo "${value}" is not public, confidential, or a repository as owner/name`);
  return value;
}

/** A `--repo` value checked as the option is parsed: `public`, `confidential`, or owner/name (resolved by `repositoryOption`). */
export function parseRepositoryOption(value: string): string {
  if (value === 'public' || value === 'confidential' || parseRepositoryName(value) !== undefined) return value;
  throw new InvalidArgumentError(`"${value}" is not public, confidential, or a repository as owner/name`);
}

/** The webhook secret to sign with, or what to do without one. */
export function githubWebhookSecretOf(secrets: { GITHUB_WEBHOOK_SECRET?: string | undefined }): string {
  const secret = secrets.GITHUB_WEBHOOK_SECRET;
  if (secret === undefined) throw new CliError('no GITHUB_WEBHOOK_SECRET to sign with: set it, or start the local runtime once to generate one');
  return secret;
}
