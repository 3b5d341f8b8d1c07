import { Connection } from 'jsforce/core';
import TransportModule from 'jsforce/lib/transport';
import type { Logger } from '../../log/logger';
import { ProviderError } from '../provider-error';
import type { AccountUpdate, Salesforce, SalesforceAccount } from './salesforce';
import type { SalesforceCredentials } from './salesforce-credentials';
import {
  accountByIdQuery,
  accountPageUrl,
  accountsNameContainingQuery,
  accountsNamedQuery,
  accountsWithLabelsQuery,
  queryRequest,
  SALESFORCE_API_VERSION,
  updateAccountRequest,
  type SalesforceRequest,
} from './salesforce-requests';

// jsforce's transport, whose answers are observed per call (jsforce's errors carry Salesforce's errorCode, not the status).
const Transport = (TransportModule as unknown as { default?: typeof TransportModule }).default ?? TransportModule;

/** How patient the client is (tests shorten the waits, never remove them). */
export interface SalesforceTuning {
  /** Retries of a 429/5xx answer or a network failure (jsforce's own retry, with exponential backoff). Default 3. */
  retries?: number;
  /** The first backoff, doubled at each retry. Default 500 ms. */
  retryBaseMs?: number;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
}

export interface LiveSalesforceOptions {
  credentials: SalesforceCredentials;
  /** `SALESFORCE_INSTANCE_URL`: where the REST API is called, instead of the token answer's `instance_url` (sandboxes, a fake in tests). */
  instanceUrl?: string | undefined;
  log: Logger;
  tuning?: SalesforceTuning;
}

interface AccountRecord {
  Id: string;
  Name: string;
  LastModifiedDate: string;
  [field: string]: unknown;
}

interface QueryAnswer {
  done: boolean;
  records: AccountRecord[];
  nextRecordsUrl?: string;
}

interface TokenAnswer {
  access_token: string;
  instance_url?: string;
}

/** Errors Salesforce answers that are worth trying again later. */
const TRANSIENT_CODES = new Set(['SERVER_UNAVAILABLE', 'REQUEST_LIMIT_EXCEEDED', 'UNABLE_TO_LOCK_ROW', 'API_CURRENTLY_DISABLED']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Salesforce through jsforce 3: a connected app's OAuth 2.0 client-credentials flow (no user, no refresh
 * token), the REST API at an explicit version. The access token is obtained at the first call and kept;
 * when Salesforce answers 401 (it expired, or was revoked) jsforce asks `refreshFn` for a new one, which
 * runs the client-credentials flow again, once: a second 401 in a row is a permanent failure, never a loop.
 * The REST API is called at the token answer's `instance_url`, or at `SALESFORCE_INSTANCE_URL` when set.
 *
 * jsforce retries reads (and, here, the conditional update, which is idempotent) on 429, 5xx and network
 * failures with exponential backoff, `retries` times. What still fails is a ProviderError that carries
 * Salesforce's status and errorCode, never the query (it holds a customer's name) nor the answer's records.
 *
 * @example
 * const salesforce = new LiveSalesforce({ credentials, instanceUrl: settings.apiUrls.salesforce, log });
 * const accounts = await salesforce.findAccountsByName('Globex', 'GitHub_label__c');
 */
export class LiveSalesforce implements Salesforce {
  readonly mode = 'live';
  private readonly connection: Connection;
  private readonly log: Logger;
  private readonly credentials: SalesforceCredentials;
  private readonly instanceUrl: string | undefined;
  private readonly callOptions: { retry: { maxRetries: number; minTimeout: number; timeoutFactor: number; methods: ('GET' | 'PATCH')[] }; timeout: number };
  private token: Promise<void> | undefined;
  /** Tokens obtained since the last call that succeeded: a fresh token answered 401 again stops there. */
  private refreshesWithoutSuccess = 0;
  /** Why the last renewal failed: jsforce wraps it in a plain Error, which would lose whether it is transient. */
  private refreshFailure: ProviderError | undefined;

  constructor(options: LiveSalesforceOptions) {
    this.log = options.log;
    this.credentials = options.credentials;
    this.instanceUrl = options.instanceUrl?.replace(/\/+$/, '');
    const tuning = options.tuning ?? {};
    this.callOptions = {
      retry: { maxRetries: tuning.retries ?? 3, minTimeout: tuning.retryBaseMs ?? 500, timeoutFactor: 2, methods: ['GET', 'PATCH'] },
      timeout: tuning.timeoutMs ?? 10_000,
    };
    this.connection = new Connection({
      oauth2: { loginUrl: this.credentials.loginUrl, clientId: this.credentials.clientId, clientSecret: this.credentials.clientSecret },
      ...(this.instanceUrl === undefined ? {} : { instanceUrl: this.instanceUrl }),
      version: SALESFORCE_API_VERSION,
      // jsforce's own debug lines carry request URLs, and a query's URL carries a customer's name: never on.
      logLevel: 'NONE',
      // Client credentials give no refresh token: a 401 runs the flow again.
      refreshFn: (_connection, callback) => {
        this.refreshesWithoutSuccess += 1;
        if (this.refreshesWithoutSuccess > 1) {
          this.refreshesWithoutSuccess = 0; // the next call may renew once again (the run-as user may have been fixed)
          this.refreshFailure = new ProviderError('salesforce', 'oauth2.token', false, "Salesforce refused a freshly issued access token (401): check the connected app's run-as user and its permissions", { status: 401 });
          callback(this.refreshFailure);
          return;
        }
        this.log.info('Salesforce access token renewed after a 401');
        this.requestToken().then(
          (answer) => callback(null, answer.access_token, answer as never),
          (error: unknown) => {
            this.refreshFailure = error instanceof ProviderError ? error : undefined;
            callback(error as Error);
          },
        );
      },
    });
  }

  async findAccountsByName(name: string, field: string): Promise<SalesforceAccount[]> {
    return this.query('query accounts by name', accountsNamedQuery(name, field), field);
  }

  async findAccountsNameContaining(fragment: string, field: string): Promise<SalesforceAccount[]> {
    return this.query('query accounts by part of their name', accountsNameContainingQuery(fragment, field), field);
  }

  async listAccountsWithLabels(field: string): Promise<SalesforceAccount[]> {
    return this.query('query accounts with labels', accountsWithLabelsQuery(field), field);
  }

  async getAccount(id: string, field: string): Promise<SalesforceAccount | undefined> {
    return (await this.query('query account by id', accountByIdQuery(id, field), field))[0];
  }

  async updateAccountLabels(account: SalesforceAccount, field: string, value: string | null): Promise<AccountUpdate> {
    const request = updateAccountRequest(account.id, field, value, account.lastModifiedAt);
    const { status } = await this.send(request, { tolerate: [412] });
    if (status === 412) return { updated: false, reason: 'changed-meanwhile' };
    return { updated: true };
  }

  async accountUrl(id: string): Promise<string> {
    await this.ensureToken();
    return accountPageUrl(this.connection.instanceUrl, id);
  }

  /** Runs a query and follows its pages (`nextRecordsUrl`). */
  private async query(operation: string, soql: string, field: string): Promise<SalesforceAccount[]> {
    const records: AccountRecord[] = [];
    let answer = (await this.send<QueryAnswer>({ ...queryRequest(soql), operation })).body;
    records.push(...answer.records);
    while (!answer.done && answer.nextRecordsUrl !== undefined) {
      answer = (await this.send<QueryAnswer>({ operation: `${operation} (next page)`, method: 'GET', url: answer.nextRecordsUrl })).body;
      records.push(...answer.records);
    }
    return records.map((record) => toAccount(record, field));
  }

  /** One REST call through jsforce, with the status Salesforce answered; `tolerate` lists statuses that are answers, not failures. */
  private async send<T>(request: SalesforceRequest, options: { tolerate?: readonly number[] } = {}): Promise<{ status: number | undefined; body: T }> {
    await this.ensureToken();
    const transport = new ObservedTransport();
    try {
      const body = await this.connection.request<T>(
        { method: request.method, url: request.url, ...(request.headers === undefined ? {} : { headers: { ...request.headers } }), ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }) },
        { ...this.callOptions, transport, noContentResponse: {} },
      );
      this.refreshesWithoutSuccess = 0;
      return { status: transport.status, body };
    } catch (error) {
      if (transport.status !== undefined && options.tolerate?.includes(transport.status)) {
        this.refreshesWithoutSuccess = 0;
        return { status: transport.status, body: undefined as T };
      }
      if (error instanceof ProviderError) throw error;
      if (this.refreshFailure !== undefined && error instanceof Error && error.message.startsWith('Unable to refresh session')) {
        const failure = this.refreshFailure;
        this.refreshFailure = undefined;
        throw failure;
      }
      const failure = toProviderError(request.operation, error, transport.status);
      this.log.warn('Salesforce call failed', { operation: request.operation, transient: failure.transient, status: failure.status, code: failure.code });
      throw failure;
    }
  }

  /** Obtains the first access token once; concurrent first calls share it, a failed attempt is tried again next time. */
  private ensureToken(): Promise<void> {
    this.token ??= this.requestToken().then(
      (answer) => {
        this.connection.accessToken = answer.access_token;
      },
      (error: unknown) => {
        this.token = undefined;
        throw error;
      },
    );
    return this.token;
  }

  /** The client-credentials flow (`grant_type=client_credentials`) at the login URL's token endpoint. */
  private async requestToken(): Promise<TokenAnswer> {
    let answer: TokenAnswer;
    try {
      answer = (await this.connection.oauth2.requestToken({ grant_type: 'client_credentials' })) as unknown as TokenAnswer;
    } catch (error) {
      const failure = tokenError(error);
      this.log.warn('Salesforce token request failed', { transient: failure.transient, code: failure.code });
      throw failure;
    }
    this.connection.instanceUrl = this.instanceUrl ?? answer.instance_url ?? this.connection.instanceUrl;
    return answer;
  }
}

/** jsforce's transport, remembering the status of the last answer it received. */
class ObservedTransport extends Transport {
  status: number | undefined;

  override httpRequest(...args: Parameters<InstanceType<typeof Transport>['httpRequest']>): ReturnType<InstanceType<typeof Transport>['httpRequest']> {
    const answer = super.httpRequest(...args);
    answer.then(
      (response) => {
        this.status = response.statusCode;
      },
      () => undefined,
    );
    return answer;
  }
}

function toAccount(record: AccountRecord, field: string): SalesforceAccount {
  const value = record[field];
  return { id: record.Id, name: record.Name, labels: typeof value === 'string' && value.trim() !== '' ? value : null, lastModifiedAt: record.LastModifiedDate };
}

/**
 * A failed call as a ProviderError: 429, 5xx, Salesforce's row locks and API limit, and answers that never
 * came are transient; other answers permanent. Only Salesforce's errorCode and status are kept: its
 * messages may quote the query, and the query may hold a customer's name.
 */
function toProviderError(operation: string, error: unknown, status: number | undefined): ProviderError {
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  const errorCode = typeof code === 'string' ? code : undefined;
  if (status === undefined) {
    const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    const network = typeof cause === 'string' && NETWORK_CODES.has(cause);
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
    return new ProviderError('salesforce', operation, network || timedOut || error instanceof TypeError, `no answer from Salesforce${typeof cause === 'string' ? ` (${cause})` : ''}`);
  }
  const transient = status === 429 || status >= 500 || (errorCode !== undefined && TRANSIENT_CODES.has(errorCode));
  return new ProviderError('salesforce', operation, transient, `HTTP ${status}${errorCode === undefined ? '' : ` ${errorCode}`}`, { status, ...(errorCode === undefined ? {} : { code: errorCode }) });
}

/** A refused or failed token request: `invalid_client`, `invalid_grant` … are permanent (the connected app's settings), the rest transient. */
function tokenError(error: unknown): ProviderError {
  const name = error instanceof Error ? error.name : 'Error';
  const oauthError = /^[a-z_]+$/.test(name) ? name : undefined;
  if (oauthError !== undefined) {
    const hint =
      oauthError === 'invalid_client' || oauthError === 'invalid_client_id'
        ? ': check SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET'
        : oauthError === 'invalid_grant'
          ? ": enable the client credentials flow on the connected app, with a run-as user, and use the org's My Domain as SALESFORCE_LOGIN_URL"
          : '';
    return new ProviderError('salesforce', 'oauth2.token', false, `the token endpoint answered ${oauthError}${hint}`, { code: oauthError });
  }
  const status = /^ERROR_HTTP_(\d{3})$/.exec(name)?.[1];
  return new ProviderError('salesforce', 'oauth2.token', true, status === undefined ? 'no answer from the token endpoint' : `the token endpoint answered HTTP ${status}`, {
    ...(status === undefined ? {} : { status: Number(status) }),
  });
}
