import { createHash } from 'node:crypto';
import type { Outbox } from '../outbox';
import type { AccountUpdate, Salesforce, SalesforceAccount } from './salesforce';
import { accountPageUrl, updateAccountRequest } from './salesforce-requests';

/** Where the stand-in Accounts' pages would be. */
const DRY_RUN_INSTANCE = 'https://dry-run.invalid';

/**
 * Salesforce without Salesforce: every update is recorded in the outbox as the exact REST call the live
 * adapter would send (method, URL, headers, body). There is nothing to read, so an Account looked up by
 * name is one stand-in (its id starts `001DRYRUN`, its label field is empty), so that the update the sync
 * would make can be seen; no Account has labels, so a reconciliation finds every label without an Account.
 */
export class DryRunSalesforce implements Salesforce {
  readonly mode = 'dry-run';

  constructor(
    private readonly outbox: Outbox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async findAccountsByName(name: string): Promise<SalesforceAccount[]> {
    return [standIn(name, this.now())];
  }

  async findAccountsNameContaining(): Promise<SalesforceAccount[]> {
    return [];
  }

  async listAccountsWithLabels(): Promise<SalesforceAccount[]> {
    return [];
  }

  async getAccount(): Promise<SalesforceAccount | undefined> {
    return undefined;
  }

  async updateAccountLabels(account: SalesforceAccount, field: string, value: string | null): Promise<AccountUpdate> {
    const request = updateAccountRequest(account.id, field, value, account.lastModifiedAt);
    await this.outbox.record('salesforce', request.operation, { method: request.method, url: request.url, headers: request.headers, body: request.body });
    return { updated: true };
  }

  async accountUrl(id: string): Promise<string> {
    return accountPageUrl(DRY_RUN_INSTANCE, id);
  }
}

/** The stand-in Account of a name: `001DRYRUN` and 9 hex digits of the name's digest (never the name). */
function standIn(name: string, now: Date): SalesforceAccount {
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 9).toUpperCase();
  return { id: `001DRYRUN${digest}`, name, labels: null, lastModifiedAt: now.toISOString() };
}
