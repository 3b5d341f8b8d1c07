import type { RepositoryRef } from '../../events/github-events';

/** A repository label. GitHub compares label names case-insensitively. */
export interface GitHubLabel {
  name: string;
  /** Six hex digits, without `#`. */
  color: string;
  description: string | null;
}

/** What GitHub says about an issue or pull request now; `found: false` when it is gone (deleted, transferred, no access). */
export type IssueSnapshot = { found: false } | { found: true; state: 'open' | 'closed'; labels: string[]; url: string };

export interface IssueComment {
  id: number;
  url: string;
}

/**
 * The GitHub port: what automations (and the CLI) may do in GitHub, in the domain's words. Live through
 * octokit (`GITHUB_API_URL`, a token or a GitHub App), or dry-run into the outbox. Failures are
 * `ProviderError`s: rate limits, 5xx and network failures transient, other 4xx permanent.
 *
 * Reads a dry-run GitHub cannot answer return `undefined` (an issue) or nothing (labels, comments): it
 * has no GitHub to read, and says so rather than guessing.
 */
export interface GitHub {
  readonly mode: 'live' | 'dry-run';

  /** The issue's state and labels now, or undefined when this GitHub cannot read it (dry-run). */
  getIssue(repository: RepositoryRef, number: number): Promise<IssueSnapshot | undefined>;
  /** Removes a label from an issue; one that is not there (404) is no error: `removed: false`. */
  removeIssueLabel(repository: RepositoryRef, number: number, label: string): Promise<{ removed: boolean }>;
  /** Adds labels to an issue (creating missing repository labels, as GitHub does); adding one it has changes nothing. */
  addIssueLabels(repository: RepositoryRef, number: number, labels: readonly string[]): Promise<{ labels: string[] }>;
  createIssueComment(repository: RepositoryRef, number: number, body: string): Promise<IssueComment>;
  /** A comment on the issue, updated at or after `since`, whose body contains `marker` (how a comment finds itself after a crash). */
  findIssueComment(repository: RepositoryRef, number: number, search: { marker: string; since: Date }): Promise<IssueComment | undefined>;

  /** A repository label by name (case-insensitively, as GitHub matches), or undefined. */
  getLabel(repository: RepositoryRef, name: string): Promise<GitHubLabel | undefined>;
  /** Every label of the repository (all pages). */
  listLabels(repository: RepositoryRef): Promise<GitHubLabel[]>;
  /** Creates a repository label; throws LabelExistsError when one of that name exists. */
  createLabel(repository: RepositoryRef, label: GitHubLabel): Promise<GitHubLabel>;
  /** Renames or recolours a label, or changes its description; undefined when there is no label of that name. */
  updateLabel(repository: RepositoryRef, name: string, changes: Partial<GitHubLabel>): Promise<GitHubLabel | undefined>;
}

/** `owner/name`, for messages and keys. */
export function repositoryName(repository: RepositoryRef): string {
  return `${repository.owner}/${repository.name}`;
}

/** "owner/name" as a repository, or undefined when it is not one. */
export function parseRepositoryName(text: string): RepositoryRef | undefined {
  const match = /^([A-Za-z0-9-]{1,39})\/([\w.-]{1,100})$/.exec(text.trim());
  return match === null ? undefined : { owner: match[1] as string, name: match[2] as string };
}

/** Is this the same repository? GitHub's owner and repository names are case-insensitive. */
export function sameRepository(a: RepositoryRef, b: RepositoryRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase();
}
