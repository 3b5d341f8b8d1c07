import type { GitHubLabel } from '../../shared/providers/github/github';
import type { SalesforceAccount } from '../../shared/providers/salesforce/salesforce';
import type { CodenameState } from './codename-state';
import { labelsOf } from './label-field';
import type { SyncSettings } from './sync-settings';

/**
 * One difference between the repositories and Salesforce, for one codename:
 * - `missing-in-public`: in the confidential repository only (the public copy is missing);
 * - `missing-in-confidential`: in the public repository and on an Account, not in the confidential one;
 * - `field-without-label`: on an Account, in neither repository;
 * - `label-without-account`: in a repository, on no Account;
 * - `public-description-not-neutral`: the public copy's description is not the neutral one (it may name the customer).
 *
 * `accounts` are the Accounts whose field carries the codename. Their names are customers' names.
 */
export type Drift =
  | { kind: 'missing-in-public'; label: string; color: string }
  | { kind: 'missing-in-confidential'; label: string; color: string; accounts: SalesforceAccount[] }
  | { kind: 'field-without-label'; label: string; accounts: SalesforceAccount[] }
  | { kind: 'label-without-account'; label: string; color: string; customerName: string | null; onlyPublic: boolean }
  | { kind: 'public-description-not-neutral'; label: string };

export type DriftKind = Drift['kind'];

/**
 * Compares the codename labels of both repositories with the labels in the Accounts' field, codename by
 * codename (names compared case-insensitively, as GitHub does). Labels in the field that are no codename
 * are left out. Sorted by codename, then kind: the same state gives the same list.
 *
 * @example
 * findDrift({ confidential: [acme], public: [], accounts: [] }, settings)
 * // [{ kind: 'missing-in-public', label: 'customer-acme', … }, { kind: 'label-without-account', label: 'customer-acme', … }]
 */
export function findDrift(state: CodenameState, settings: SyncSettings): Drift[] {
  const byName = (labels: GitHubLabel[]) => new Map(labels.map((label) => [label.name.toLowerCase(), label]));
  const confidential = byName(state.confidential);
  const publicLabels = byName(state.public);
  const carriers = new Map<string, { label: string; accounts: SalesforceAccount[] }>();
  for (const account of state.accounts) {
    for (const label of labelsOf(account.labels, settings.separator)) {
      if (!settings.pattern.test(label)) continue;
      const entry = carriers.get(label.toLowerCase()) ?? { label, accounts: [] };
      entry.accounts.push(account);
      carriers.set(label.toLowerCase(), entry);
    }
  }

  const drift: Drift[] = [];
  for (const key of new Set([...confidential.keys(), ...publicLabels.keys(), ...carriers.keys()])) {
    const inConfidential = confidential.get(key);
    const inPublic = publicLabels.get(key);
    const carried = carriers.get(key);
    const accounts = carried?.accounts ?? [];
    const label = inConfidential?.name ?? inPublic?.name ?? carried?.label ?? key;
    if (inConfidential !== undefined && inPublic === undefined) drift.push({ kind: 'missing-in-public', label, color: inConfidential.color });
    if (inPublic !== undefined && inConfidential === undefined && accounts.length > 0) drift.push({ kind: 'missing-in-confidential', label, color: inPublic.color, accounts });
    if (inConfidential === undefined && inPublic === undefined) drift.push({ kind: 'field-without-label', label, accounts });
    if ((inConfidential !== undefined || inPublic !== undefined) && accounts.length === 0) {
      const customerName = inConfidential?.description?.trim() || null;
      drift.push({ kind: 'label-without-account', label, color: (inConfidential ?? inPublic)?.color ?? settings.labelColor, customerName, onlyPublic: inConfidential === undefined });
    }
    if (inPublic !== undefined && (inPublic.description ?? '') !== settings.publicDescription) drift.push({ kind: 'public-description-not-neutral', label });
  }
  const order: DriftKind[] = ['field-without-label', 'missing-in-confidential', 'missing-in-public', 'label-without-account', 'public-description-not-neutral'];
  return drift.sort((a, b) => a.label.toLowerCase().localeCompare(b.label.toLowerCase()) || order.indexOf(a.kind) - order.indexOf(b.kind));
}
