import { ProviderError } from '../provider-error';
import type { Spreadsheet } from './spreadsheet';

/**
 * Google Sheets without credentials (or with a key that is not one): each call fails permanently with a
 * message that says what to set, so the run shows it, and a replay works once the secret is right.
 */
export class UnconfiguredSpreadsheet implements Spreadsheet {
  readonly mode = 'live';

  constructor(private readonly reason = 'GOOGLE_SERVICE_ACCOUNT_JSON is not set') {}

  async appendRow(): Promise<never> {
    throw this.missing('spreadsheets.values.append');
  }

  async readRows(): Promise<never> {
    throw this.missing('spreadsheets.values.get');
  }

  async rowUrl(): Promise<never> {
    throw this.missing('spreadsheets.get');
  }

  private missing(operation: string): ProviderError {
    return new ProviderError('google-sheets', operation, false, this.reason);
  }
}
