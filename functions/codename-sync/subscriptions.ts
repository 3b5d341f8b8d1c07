import type { Subscription } from '../../shared/bus/subscription';

/** Codenames announced by the confidential repository, Accounts changed in Salesforce, and its daily reconciliation. */
export const codenameSyncSubscriptions: readonly Subscription[] = [
  { detailType: 'codename.assigned' },
  { detailType: 'salesforce.account.changed' },
  { detailType: 'timer.fired', detail: { automation: ['codename-sync'] } },
];
