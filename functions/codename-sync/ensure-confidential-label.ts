import type { RepositoryRef } from '../../shared/events/github-events';
import type { GitHub, GitHubLabel } from '../../shared/providers/github/github';
import { LabelExistsError } from '../../shared/providers/github/github-errors';

export type ConfidentialOutcome = 'created' | 'described' | 'unchanged';

/**
 * Makes sure the confidential repository has the codename label, naming its customer: created with the
 * customer's name as its description (and `color`) when missing; given it when its description is empty.
 * A label that names someone already is left as it is: the repository is where people name customers,
 * and an Account's name may be spelt differently. Idempotent: running it again changes nothing.
 */
export async function ensureConfidentialLabel(
  github: GitHub,
  repository: RepositoryRef,
  wanted: { name: string; customerName: string; color: string },
): Promise<{ label: GitHubLabel; outcome: ConfidentialOutcome }> {
  let existing = await github.getLabel(repository, wanted.name);
  if (existing === undefined) {
    try {
      return { label: await github.createLabel(repository, { name: wanted.name, color: wanted.color, description: wanted.customerName }), outcome: 'created' };
    } catch (error) {
      if (!(error instanceof LabelExistsError)) throw error;
      existing = await github.getLabel(repository, wanted.name);
      if (existing === undefined) throw error;
    }
  }
  if ((existing.description ?? '').trim() !== '') return { label: existing, outcome: 'unchanged' };
  const updated = await github.updateLabel(repository, existing.name, { description: wanted.customerName });
  return { label: updated ?? { ...existing, description: wanted.customerName }, outcome: 'described' };
}
