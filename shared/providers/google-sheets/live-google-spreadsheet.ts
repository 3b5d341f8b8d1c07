import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { JWT } from 'google-auth-library';
import type { Logger } from '../../log/logger';
import { ProviderError } from '../provider-error';
import { a1Range, firstRowOf, spreadsheetUrl } from './a1-range';
import { appendArguments } from './append-arguments';
import type { ServiceAccountKey } from './service-account-key';
import type { AppendedRow, SheetTab, Spreadsheet } from './spreadsheet';

/** The token endpoint google-auth-library 11 posts to whatever the key file's `token_uri` says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export interface LiveGoogleSpreadsheetOptions {
  key: ServiceAccountKey;
  /** `GOOGLE_SHEETS_API_URL`: the API root (a fake server in tests), instead of https://sheets.googleapis.com/. */
  apiUrl?: string | undefined;
  /**
   * `GOOGLE_OAUTH_TOKEN_URL`: where access tokens are requested. google-auth-library 11 ignores a key
   * file's `token_uri` (its endpoint is a constant), so tests and sandboxes redirect it here.
   */
  tokenUrl?: string | undefined;
  log: Logger;
  /** Retries of reads that failed with 429/5xx; appends are never retried blindly (they are not idempotent). */
  retries?: { retry: number; retryDelayMs: number };
  timeoutMs?: number;
}

/**
 * Google Sheets through the official `@googleapis/sheets` client, as a service account (a signed JWT
 * exchanged for an access token, which the client caches and renews).
 *
 * @example
 * const spreadsheet = new LiveGoogleSpreadsheet({ key: parseServiceAccountKey(json), apiUrl, tokenUrl, log });
 */
export class LiveGoogleSpreadsheet implements Spreadsheet {
  readonly mode = 'live';
  private readonly client: sheets_v4.Sheets;
  /** Tab ids (`gid`) by spreadsheet and tab name: they do not change while the tab exists. */
  private readonly tabIds = new Map<string, number>();
  private readonly retries: { retry: number; retryDelayMs: number };

  constructor(options: LiveGoogleSpreadsheetOptions) {
    const auth = new JWT({ email: options.key.clientEmail, key: options.key.privateKey, keyId: options.key.privateKeyId, scopes: [SHEETS_SCOPE] });
    const tokenUrl = options.tokenUrl;
    if (tokenUrl !== undefined) {
      auth.transporter.interceptors.request.add({
        resolved: async (request) => {
          if (String(request.url) === GOOGLE_TOKEN_URL) request.url = new URL(tokenUrl);
          return request;
        },
      });
    }
    this.retries = options.retries ?? { retry: 3, retryDelayMs: 500 };
    this.client = sheets({
      version: 'v4',
      auth,
      ...(options.apiUrl === undefined ? {} : { rootUrl: withTrailingSlash(options.apiUrl) }),
      timeout: options.timeoutMs ?? 10_000,
    });
  }

  async appendRow(tab: SheetTab, cells: readonly string[]): Promise<AppendedRow> {
    const response = await this.call('spreadsheets.values.append', () =>
      this.client.spreadsheets.values.append(appendArguments(tab, cells), { retry: false }),
    );
    const updatedRange = response.data.updates?.updatedRange;
    const row = updatedRange === undefined || updatedRange === null ? undefined : firstRowOf(updatedRange);
    return { row, url: row === undefined ? spreadsheetUrl(tab.spreadsheetId, await this.tabId(tab)) : await this.rowUrl(tab, row) };
  }

  async readRows(tab: SheetTab, columns: string): Promise<string[][]> {
    const response = await this.call('spreadsheets.values.get', () =>
      this.client.spreadsheets.values.get(
        { spreadsheetId: tab.spreadsheetId, range: a1Range(tab, columns), majorDimension: 'ROWS', valueRenderOption: 'UNFORMATTED_VALUE' },
        { retryConfig: this.readRetries() },
      ),
    );
    return (response.data.values ?? []).map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  }

  async rowUrl(tab: SheetTab, row: number): Promise<string> {
    return spreadsheetUrl(tab.spreadsheetId, await this.tabId(tab), row);
  }

  private async tabId(tab: SheetTab): Promise<number | undefined> {
    const key = `${tab.spreadsheetId}\u0000${tab.tab}`;
    const known = this.tabIds.get(key);
    if (known !== undefined) return known;
    const response = await this.call('spreadsheets.get', () =>
      this.client.spreadsheets.get({ spreadsheetId: tab.spreadsheetId, fields: 'sheets.properties(sheetId,title)' }, { retryConfig: this.readRetries() }),
    );
    const sheet = response.data.sheets?.find((candidate) => candidate.properties?.title === tab.tab);
    const id = sheet?.properties?.sheetId ?? undefined;
    if (id !== undefined) this.tabIds.set(key, id);
    return id;
  }

  private readRetries() {
    return {
      retry: this.retries.retry,
      retryDelay: this.retries.retryDelayMs,
      httpMethodsToRetry: ['GET'],
      statusCodesToRetry: [
        [429, 429],
        [500, 599],
      ],
    };
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toProviderError(operation, error);
    }
  }
}

/** Google's errors: an HTTP status with `error.status` ("PERMISSION_DENIED"), or a network failure. */
function toProviderError(operation: string, error: unknown): ProviderError {
  const failure = error as { status?: number; code?: unknown; response?: { status?: number; data?: { error?: { status?: string; message?: string } | string } } };
  const status = failure.status ?? failure.response?.status;
  const data = failure.response?.data?.error;
  const reason = typeof data === 'string' ? data : data?.status ?? (error instanceof Error ? error.message : String(error));
  if (status !== undefined) {
    return new ProviderError('google-sheets', operation, status === 429 || status >= 500, `HTTP ${status} ${reason}`, { cause: error, status });
  }
  // No answer at all: a network failure or a timeout passes; anything else (a key that cannot sign) does not.
  const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
  const transient = timedOut || (typeof failure.code === 'string' && TRANSIENT_NETWORK_CODES.has(failure.code));
  return new ProviderError('google-sheets', operation, transient, reason, { cause: error });
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
