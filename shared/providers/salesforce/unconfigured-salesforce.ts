import { ProviderError } from '../provider-error';
import type { Salesforce } from './salesforce';

/**
 * On AWS providers are live; without the connected app's credentials Salesforce cannot be. Each call then
 * fails permanently with a message that says what to set, so the run shows it (and a replay works once it is set).
 */
export class UnconfiguredSalesforce implements Salesforce {
  readonly mode = 'live';

  constructor(private readonly missing: readonly string[]) {}

  findAccountsByName = () => this.refuse('query');
  findAccountsNameContaining = () => this.refuse('query');
  listAccountsWithLabels = () => this.refuse('query');
  getAccount = () => this.refuse('query');
  updateAccountLabels = () => this.refuse('sobject.update');
  accountUrl = () => this.refuse('account url');

  private async refuse(operation: string): Promise<never> {
    throw new ProviderError('salesforce', operation, false, `${this.missing.join(', ')} ${this.missing.length === 1 ? 'is' : 'are'} not set in the Switchboard secret`);
  }
}
