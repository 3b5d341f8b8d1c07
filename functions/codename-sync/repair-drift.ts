import { ensureLabel } from '../../shared/providers/github/ensure-label';
import type { GitHub } from '../../shared/providers/github/github';
import type { Salesforce } from '../../shared/providers/salesforce/salesforce';
import { addLabelToAccount } from './add-label-to-account';
import { ensureConfidentialLabel } from './ensure-confidential-label';
import type { Drift } from './find-drift';
import type { SyncSettings } from './sync-settings';

/** What became of one difference: `fixed` (with what was done), or `left` for a person (and why), with the Accounts that could be meant. */
export type Repair = { drift: Drift; outcome: 'fixed'; detail: string } | { drift: Drift; outcome: 'left'; detail: string; candidates: { id: string; url: string }[] };

/**
 * Repairs what can be repaired without guessing, one difference at a time, and says why the rest is left:
 * - a missing public copy is created (same name and colour, the neutral description);
 * - a missing confidential label is created naming the one Account that carries the codename;
 * - a codename on one Account and in no repository is created in both;
 * - a codename on no Account is added to the one Account named exactly as its confidential description says;
 * - a public description that is not neutral is made neutral.
 * Several Accounts, none, or an unknown customer: left for a person. Every repair is idempotent, so a second
 * run changes nothing. Details never carry a customer's name.
 */
export async function repairDrift(drift: readonly Drift[], ports: { github: GitHub; salesforce: Salesforce }, settings: SyncSettings): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const difference of drift) repairs.push(await repairOne(difference, ports, settings));
  return repairs;
}

async function repairOne(drift: Drift, { github, salesforce }: { github: GitHub; salesforce: Salesforce }, settings: SyncSettings): Promise<Repair> {
  const repositories = settings.repositories;
  if (repositories === undefined) return left(drift, 'githubLabels.repositories is not configured');
  const publicCopy = (name: string, color: string) => ensureLabel(github, repositories.public, { name, color, description: settings.publicDescription });
  switch (drift.kind) {
    case 'missing-in-public': {
      const { outcome } = await publicCopy(drift.label, drift.color);
      return fixed(drift, `public copy ${outcome}`);
    }
    case 'missing-in-confidential': {
      const [account, ...others] = drift.accounts;
      if (account === undefined || others.length > 0) return left(drift, `${drift.accounts.length} Accounts carry it: which customer it names is for a person to say`, await links(salesforce, drift.accounts));
      if (account.name.length > DESCRIPTION_LIMIT) return left(drift, tooLong(account.id));
      const { outcome } = await ensureConfidentialLabel(github, repositories.confidential, { name: drift.label, customerName: account.name, color: drift.color });
      return fixed(drift, `confidential label ${outcome}, naming Account ${account.id}`);
    }
    case 'field-without-label': {
      const [account, ...others] = drift.accounts;
      if (account === undefined || others.length > 0) return left(drift, `${drift.accounts.length} Accounts carry it: which customer it names is for a person to say`, await links(salesforce, drift.accounts));
      if (account.name.length > DESCRIPTION_LIMIT) return left(drift, tooLong(account.id));
      const { label } = await ensureConfidentialLabel(github, repositories.confidential, { name: drift.label, customerName: account.name, color: settings.labelColor });
      await publicCopy(drift.label, label.color);
      return fixed(drift, `created in both repositories, naming Account ${account.id}`);
    }
    case 'label-without-account': {
      if (drift.customerName === null) {
        return left(drift, drift.onlyPublic ? 'it is only in the public repository: its customer is unknown' : 'its confidential description names no customer');
      }
      const accounts = await salesforce.findAccountsByName(drift.customerName, settings.field);
      const [account, ...others] = accounts;
      if (account === undefined) return left(drift, 'no Account is named as its confidential description says', []);
      if (others.length > 0) return left(drift, `${accounts.length} Accounts are named as its confidential description says`, await links(salesforce, accounts));
      const added = await addLabelToAccount(salesforce, account, settings, drift.label);
      return fixed(drift, `${added} on Account ${account.id}`);
    }
    case 'public-description-not-neutral': {
      await github.updateLabel(repositories.public, drift.label, { description: settings.publicDescription });
      return fixed(drift, 'public description made neutral');
    }
  }
}

/** GitHub's limit for a label's description, where the confidential label names its customer. */
const DESCRIPTION_LIMIT = 100;
const tooLong = (accountId: string) => `the name of Account ${accountId} is longer than the ${DESCRIPTION_LIMIT} characters of a GitHub label description: create the confidential label by hand`;

const fixed = (drift: Drift, detail: string): Repair => ({ drift, outcome: 'fixed', detail });
const left = (drift: Drift, detail: string, candidates: { id: string; url: string }[] = []): Repair => ({ drift, outcome: 'left', detail, candidates });

async function links(salesforce: Salesforce, accounts: readonly { id: string }[]): Promise<{ id: string; url: string }[]> {
  return Promise.all(accounts.map(async (account) => ({ id: account.id, url: await salesforce.accountUrl(account.id) })));
}
