import type { RepositoryRef } from '../../events/github-events';
import type { GitHub, GitHubLabel } from './github';
import { LabelExistsError } from './github-errors';

export type EnsureOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes sure a repository has a label with exactly this name, colour and description: creates it, or
 * updates the one of that name (GitHub matches names case-insensitively, so a different letter case is
 * corrected too). Idempotent: running it again changes nothing. A label created meanwhile by someone else
 * (GitHub's 422 `already_exists`) is updated instead.
 *
 * @example
 * const { outcome } = await ensureLabel(github, publicRepository, { name: 'customer-acme', color: '0e8a16', description: 'Customer codename' });
 */
export async function ensureLabel(github: GitHub, repository: RepositoryRef, wanted: GitHubLabel): Promise<{ label: GitHubLabel; outcome: EnsureOutcome }> {
  let existing = await github.getLabel(repository, wanted.name);
  if (existing === undefined) {
    try {
      return { label: await github.createLabel(repository, wanted), outcome: 'created' };
    } catch (error) {
      if (!(error instanceof LabelExistsError)) throw error;
      existing = await github.getLabel(repository, wanted.name);
      if (existing === undefined) throw error;
    }
  }
  if (existing.name === wanted.name && existing.color.toLowerCase() === wanted.color.toLowerCase() && (existing.description ?? '') === (wanted.description ?? '')) {
    return { label: existing, outcome: 'unchanged' };
  }
  const updated = await github.updateLabel(repository, existing.name, { name: wanted.name, color: wanted.color, description: wanted.description });
  return { label: updated ?? wanted, outcome: 'updated' };
}
