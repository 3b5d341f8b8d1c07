import { ProviderError } from '../../shared/providers/provider-error';
import type { Salesforce, SalesforceAccount } from '../../shared/providers/salesforce/salesforce';
import { labelsOf, withLabel } from './label-field';
import type { SyncSettings } from './sync-settings';

/** Times an Account modified meanwhile is read again before giving up (transiently). */
const ATTEMPTS = 3;

export type LabelAddition = 'added' | 'renamed' | 'already there';

/**
 * Adds a codename to an Account's label field, keeping every other label there, once: the update is
 * conditional on the Account being unmodified since it was read (`If-Unmodified-Since`), and an Account
 * changed meanwhile is read again, so that a label someone added at the same time is never lost.
 * A rename (`previous`) replaces the old name in place.
 */
export async function addLabelToAccount(salesforce: Salesforce, account: SalesforceAccount, settings: SyncSettings, label: string, previous?: string): Promise<LabelAddition> {
  let current = account;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const value = withLabel(current.labels, label, settings.separator, previous);
    if (value === undefined) return 'already there';
    const update = await salesforce.updateAccountLabels(current, settings.field, value);
    if (update.updated) return previous !== undefined && labelsOf(current.labels, settings.separator).some((each) => each.toLowerCase() === previous.toLowerCase()) ? 'renamed' : 'added';
    const reread = await salesforce.getAccount(current.id, settings.field);
    if (reread === undefined) throw new ProviderError('salesforce', 'query account by id', false, `Account ${current.id} is gone`);
    current = reread;
  }
  throw new ProviderError('salesforce', 'sobject.update', true, `Account ${account.id} kept changing while its labels were updated`);
}

