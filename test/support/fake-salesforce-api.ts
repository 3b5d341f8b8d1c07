import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer the fake gives instead of its own, for one call of an operation. */
export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One request the fake received. */
export interface SalesforceCall {
  method: string;
  path: string;
  /** `token`, `query`, `sobject.update`, `query.more`, or `unknown`. */
  operation: string;
  /** The SOQL of a query, decoded. */
  soql: string | undefined;
  /** The form fields of a token request, the JSON body of an update. */
  body: unknown;
  authorization: string | undefined;
  headers: Record<string, string | undefined>;
  status: number;
}

interface FakeAccount {
  Id: string;
  Name: string;
  fields: Record<string, string | null>;
  /** Milliseconds; whole seconds, like Salesforce's LastModifiedDate. */
  modifiedAt: number;
}

/** Salesforce's error bodies, as its REST API sends them. */
export const salesforceAnswers = {
  sessionExpired: (): ScriptedAnswer => ({ status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] }),
  serverUnavailable: (): ScriptedAnswer => ({ status: 503, body: [{ message: 'Server is temporarily unavailable, please try again later.', errorCode: 'SERVER_UNAVAILABLE' }] }),
  rowLocked: (): ScriptedAnswer => ({ status: 400, body: [{ message: 'unable to obtain exclusive access to this record or 1 records: 0015e00000ABCDE', errorCode: 'UNABLE_TO_LOCK_ROW', fields: [] }] }),
  invalidClient: (): ScriptedAnswer => ({ status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } }),
};

const ORG_ID = '00D5e000000SBTESTA';
const USER_ID = '0055e000000RUNASA';

export interface FakeSalesforceOptions {
  clientId?: string;
  clientSecret?: string;
  /** Records per page of a query answer (Salesforce's default is 2,000). */
  pageSize?: number;
  /** The label field the accounts carry. */
  field?: string;
  /** Access tokens this instance accepts: share another fake's to act as its instance (SALESFORCE_INSTANCE_URL). */
  tokens?: Set<string>;
}

/**
 * Salesforce's REST API on 127.0.0.1, answering like Salesforce: the OAuth 2.0 token endpoint
 * (`/services/oauth2/token`, client credentials only, `instance_url` pointing back here), SOQL queries on
 * Account (`SELECT … FROM Account WHERE Name = '…' | Name LIKE '…' | Id = '…' | Field != null`, with
 * Salesforce's string-literal escapes parsed strictly, so a badly escaped name is a MALFORMED_QUERY or
 * reads as another name), pages with `nextRecordsUrl`, and sObject PATCH with `If-Unmodified-Since`
 * (412 when the Account changed since), 204 on success. Unknown or expired tokens get 401
 * `INVALID_SESSION_ID`. Answers can be scripted per operation. Tests assert on `calls`.
 */
export class FakeSalesforceApi {
  readonly calls: SalesforceCall[] = [];
  readonly clientId: string;
  readonly clientSecret: string;
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly tokens: Set<string>;
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private readonly cursors = new Map<string, { records: FakeAccount[]; columns: string[]; offset: number }>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeSalesforceOptions,
  ) {
    this.tokens = options.tokens ?? new Set();
    this.clientId = options.clientId ?? '3MVG9TEST.client.id';
    this.clientSecret = options.clientSecret ?? 'test-client-secret-0123456789';
  }

  static async start(options: FakeSalesforceOptions = {}): Promise<FakeSalesforceApi> {
    let api: FakeSalesforceApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = (api as FakeSalesforceApi).answer(req, Buffer.concat(chunks).toString('utf8'));
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, {
          ...(answer.body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
          'sforce-limit-info': 'api-usage=25/15000',
          ...answer.headers,
        });
        res.end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSalesforceApi(server, options);
    return api;
  }

  /** The instance (and login) URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get organizationId(): string {
    return ORG_ID;
  }

  /** The environment that points Switchboard's Salesforce at this fake. */
  env(): Record<string, string> {
    return { SALESFORCE_LOGIN_URL: this.url, SALESFORCE_CLIENT_ID: this.clientId, SALESFORCE_CLIENT_SECRET: this.clientSecret };
  }

  /** An Account as it is in Salesforce now; returns its 18-character id. */
  seedAccount(account: { name: string; labels?: string | null; id?: string; modifiedAt?: Date }): string {
    this.sequence += 1;
    const id = account.id ?? `0015e00000${String(this.sequence).padStart(5, '0')}AAA`;
    this.accounts.set(id, { Id: id, Name: account.name, fields: { [this.field]: account.labels ?? null }, modifiedAt: wholeSecond(account.modifiedAt?.getTime() ?? Date.now() - 60_000) });
    return id;
  }

  /** Someone edits an Account's label field in Salesforce (its LastModifiedDate moves on). */
  editAccount(id: string, labels: string | null): void {
    const account = this.account(id);
    account.fields[this.field] = labels;
    account.modifiedAt = this.nextModification(account);
  }

  /** The label field of an Account now. */
  labelsOf(id: string): string | null {
    return this.account(id).fields[this.field] ?? null;
  }

  /** The access tokens it accepts (to share with another fake). */
  get acceptedTokens(): Set<string> {
    return this.tokens;
  }

  /** Every access token issued so far stops working (as when a session times out). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The next calls of `operation` get these answers, in order, before the fake answers normally again. */
  script(operation: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(operation, [...(this.scripts.get(operation) ?? []), ...answers]);
  }

  callsTo(operation: string): SalesforceCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  succeeded(operation: string): SalesforceCall[] {
    return this.callsTo(operation).filter((call) => call.status < 300);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private get field(): string {
    return this.options.field ?? 'GitHub_label__c';
  }

  private account(id: string): FakeAccount {
    const account = this.accounts.get(id);
    if (account === undefined) throw new Error(`no Account ${id} in the fake`);
    return account;
  }

  /** Salesforce stamps whole seconds; every change moves the stamp on by at least one, so that a conditional update always sees it. */
  private nextModification(account: FakeAccount): number {
    return Math.max(wholeSecond(Date.now()), account.modifiedAt + 1_000);
  }

  private answer(req: IncomingMessage, body: string): ScriptedAnswer {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const operation = operationOf(method, url.pathname);
    const soql = operation === 'query' ? (url.searchParams.get('q') ?? undefined) : undefined;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
    const call: SalesforceCall = { method, path: url.pathname, operation, soql, body: parseBody(req, body), authorization: req.headers.authorization, headers, status: 0 };
    this.calls.push(call);
    const answer = this.scripted(operation) ?? this.handle(operation, method, url, call);
    call.status = answer.status;
    return answer;
  }

  private scripted(operation: string): ScriptedAnswer | undefined {
    const queue = this.scripts.get(operation);
    return queue === undefined || queue.length === 0 ? undefined : queue.shift();
  }

  private handle(operation: string, method: string, url: URL, call: SalesforceCall): ScriptedAnswer {
    if (operation === 'token') return this.token(call.body as Record<string, string>);
    if (operation === 'unknown') return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
    const token = /^Bearer (.+)$/.exec(call.authorization ?? '')?.[1];
    if (token === undefined || !this.tokens.has(token)) return salesforceAnswers.sessionExpired();
    if (!/^\/services\/data\/v\d{2,3}\.0\//.test(url.pathname)) return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
    if (operation === 'query') return this.query(call.soql ?? '');
    if (operation === 'query.more') return this.more(url.pathname.split('/').pop() ?? '');
    if (operation === 'sobject.update' && method === 'PATCH') return this.update(decodeURIComponent(url.pathname.split('/').pop() ?? ''), call);
    return { status: 405, body: [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are GET,PATCH` }] };
  }

  private token(form: Record<string, string>): ScriptedAnswer {
    if (form['grant_type'] !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    if (form['client_id'] !== this.clientId || form['client_secret'] !== this.clientSecret) return salesforceAnswers.invalidClient();
    const accessToken = `${ORG_ID}!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(accessToken);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        signature: randomBytes(32).toString('base64'),
        scope: 'api',
        instance_url: this.url,
        id: `${this.url}/id/${ORG_ID}/${USER_ID}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
      },
    };
  }

  private query(soql: string): ScriptedAnswer {
    let parsed: ParsedQuery;
    try {
      parsed = parseQuery(soql, this.field);
    } catch (error) {
      return { status: 400, body: [{ message: (error as Error).message, errorCode: 'MALFORMED_QUERY' }] };
    }
    let records = [...this.accounts.values()].filter((account) => parsed.matches(account));
    records.sort((a, b) => (parsed.orderBy === 'Name' ? a.Name.localeCompare(b.Name) : a.Id.localeCompare(b.Id)));
    if (parsed.limit !== undefined) records = records.slice(0, parsed.limit);
    return this.page({ records, columns: parsed.columns, offset: 0 }, records.length);
  }

  private more(cursorId: string): ScriptedAnswer {
    const [id] = cursorId.split('-');
    const cursor = this.cursors.get(id ?? '');
    if (cursor === undefined) return { status: 400, body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }] };
    return this.page(cursor, cursor.records.length);
  }

  private page(cursor: { records: FakeAccount[]; columns: string[]; offset: number }, totalSize: number): ScriptedAnswer {
    const size = this.options.pageSize ?? 2_000;
    const slice = cursor.records.slice(cursor.offset, cursor.offset + size);
    const next = cursor.offset + size;
    const done = next >= cursor.records.length;
    let nextRecordsUrl: string | undefined;
    if (!done) {
      this.sequence += 1;
      const id = `01g5e0000${String(this.sequence).padStart(6, '0')}`;
      this.cursors.set(id, { ...cursor, offset: next });
      nextRecordsUrl = `/services/data/v62.0/query/${id}-${next}`;
    }
    return {
      status: 200,
      body: { totalSize, done, ...(nextRecordsUrl === undefined ? {} : { nextRecordsUrl }), records: slice.map((account) => this.record(account, cursor.columns)) },
    };
  }

  private record(account: FakeAccount, columns: string[]): Record<string, unknown> {
    const record: Record<string, unknown> = { attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${account.Id}` } };
    for (const column of columns) {
      if (column === 'Id') record['Id'] = account.Id;
      else if (column === 'Name') record['Name'] = account.Name;
      else if (column === 'LastModifiedDate') record['LastModifiedDate'] = new Date(account.modifiedAt).toISOString().replace('Z', '+0000');
      else record[column] = account.fields[column] ?? null;
    }
    return record;
  }

  private update(id: string, call: SalesforceCall): ScriptedAnswer {
    const account = this.accounts.get(id);
    if (account === undefined) return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
    const since = call.headers['if-unmodified-since'];
    if (since !== undefined) {
      const at = Date.parse(since);
      if (Number.isNaN(at)) return { status: 400, body: [{ errorCode: 'INVALID_HEADER_TYPE', message: 'Invalid If-Unmodified-Since header' }] };
      if (account.modifiedAt > at) return { status: 412, body: [{ errorCode: 'PRECONDITION_FAILED', message: 'The requested resource has been modified since the If-Unmodified-Since date' }] };
    }
    const body = call.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, body: [{ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected body' }] };
    for (const [name, value] of Object.entries(body)) {
      if (name !== this.field) return { status: 400, body: [{ errorCode: 'INVALID_FIELD', message: `No such column '${name}' on sobject of type Account` }] };
      account.fields[name] = value === null ? null : String(value);
    }
    account.modifiedAt = this.nextModification(account);
    return { status: 204, body: undefined };
  }
}

function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function operationOf(method: string, path: string): string {
  if (method === 'POST' && path === '/services/oauth2/token') return 'token';
  if (/^\/services\/data\/v[\d.]+\/query\/?$/.test(path)) return 'query';
  if (/^\/services\/data\/v[\d.]+\/query\/[\w-]+$/.test(path)) return 'query.more';
  if (/^\/services\/data\/v[\d.]+\/sobjects\/Account\/[^/]+$/.test(path)) return 'sobject.update';
  return 'unknown';
}

function parseBody(req: IncomingMessage, body: string): unknown {
  if (body === '') return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

interface ParsedQuery {
  columns: string[];
  matches(account: FakeAccount): boolean;
  orderBy: 'Id' | 'Name' | undefined;
  limit: number | undefined;
}

/**
 * The SOQL the adapter sends, parsed as strictly as Salesforce would: a string literal's escapes are
 * read (`\\`, `\'`, `\"`, `\n`, `\r`, `\t`, `\b`, `\f`, `\uXXXX`; `\%` and `\_` in LIKE only), any
 * other backslash is an error, and anything left after the clauses is an error.
 */
function parseQuery(soql: string, field: string): ParsedQuery {
  const head = /^SELECT\s+([\w\s,]+?)\s+FROM\s+Account\s+WHERE\s+/i.exec(soql);
  if (head === null) throw new Error(`unexpected token in: ${soql.slice(0, 80)}`);
  const columns = (head[1] as string).split(',').map((column) => column.trim());
  for (const column of columns) if (!['Id', 'Name', 'LastModifiedDate', field].includes(column)) throw new Error(`No such column '${column}' on entity 'Account'`);
  let rest = soql.slice(head[0].length);
  let matches: (account: FakeAccount) => boolean;
  const notNull = new RegExp(`^(${field})\\s*!=\\s*null`).exec(rest);
  const compare = /^(Name|Id)\s*(=|LIKE)\s*/i.exec(rest);
  if (notNull !== null) {
    matches = (account) => (account.fields[field] ?? null) !== null;
    rest = rest.slice(notNull[0].length);
  } else if (compare !== null) {
    const column = compare[1] as 'Name' | 'Id';
    const like = (compare[2] as string).toUpperCase() === 'LIKE';
    const literal = readLiteral(rest.slice(compare[0].length), like);
    rest = literal.rest;
    if (like) {
      const pattern = new RegExp(`^${literal.pattern}$`, 'is');
      matches = (account) => pattern.test(account[column]);
    } else {
      // Salesforce compares text case-insensitively.
      matches = (account) => account[column].toLowerCase() === literal.value.toLowerCase();
    }
  } else {
    throw new Error(`unexpected condition in: ${rest.slice(0, 80)}`);
  }
  const tail = /^\s*(?:ORDER\s+BY\s+(Id|Name))?\s*(?:LIMIT\s+(\d+))?\s*$/i.exec(rest);
  if (tail === null) throw new Error(`unexpected token: ${rest.trim().slice(0, 80)}`);
  return { columns, matches, orderBy: tail[1] as 'Id' | 'Name' | undefined, limit: tail[2] === undefined ? undefined : Number(tail[2]) };
}

function readLiteral(text: string, like: boolean): { value: string; pattern: string; rest: string } {
  if (!text.startsWith("'")) throw new Error('expected a string literal');
  let value = '';
  let pattern = '';
  const plain = (character: string) => {
    value += character;
    pattern += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  };
  for (let i = 1; i < text.length; i += 1) {
    const character = text[i] as string;
    if (character === "'") return { value, pattern, rest: text.slice(i + 1) };
    if (character === '\\') {
      const next = text[i + 1];
      i += 1;
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', N: '\n', r: '\r', R: '\r', t: '\t', T: '\t', b: '\b', B: '\b', f: '\f', F: '\f' };
      if (next !== undefined && simple[next] !== undefined) plain(simple[next] as string);
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
        plain(String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16)));
        i += 4;
      } else if (like && (next === '%' || next === '_')) {
        value += next;
        pattern += next;
      } else throw new Error(`Invalid string literal: invalid escape \\${next ?? ''}`);
      continue;
    }
    if (like && character === '%') pattern += '.*';
    else if (like && character === '_') pattern += '.';
    else plain(character);
  }
  throw new Error('unterminated string literal');
}
