import { generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the token endpoint and the Sheets API received. */
export interface GoogleCall {
  /** `token`, `spreadsheets.get`, `values.append` or `values.get`. */
  operation: string;
  method: string;
  path: string;
  /** The A1 range of a values call, decoded ("'Customer questions'!A1"). */
  range?: string;
  query: Record<string, string>;
  body: unknown;
  /** The bearer token of a Sheets request, or the verified claims of a token request. */
  token: string | undefined;
  claims?: Record<string, unknown>;
  status: number;
}

interface Tab {
  gid: number;
  rows: string[][];
}

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * Google's OAuth 2.0 token endpoint and the Sheets API v4 on 127.0.0.1, answering like Google: the JWT
 * bearer grant with an assertion that must be signed by the test service account's key (RS256, `iss`
 * its e-mail, `aud` Google's token URL, the spreadsheets scope), access tokens that the Sheets calls must
 * carry, `values.append` (RAW, INSERT_ROWS) answering the updated range, `values.get` leaving out trailing
 * empty cells, and Google's error bodies. Tests assert on what it received and on the rows it holds.
 */
export class FakeGoogleSheetsApi {
  readonly calls: GoogleCall[] = [];
  readonly clientEmail = 'switchboard@switchboard-test.iam.gserviceaccount.com';
  private readonly spreadsheets = new Map<string, Map<string, Tab>>();
  private readonly tokens = new Set<string>();
  private readonly scripts = new Map<string, { status: number; body: unknown }[]>();
  private nextGid = 0;

  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
  ) {}

  static async start(): Promise<FakeGoogleSheetsApi> {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let api: FakeGoogleSheetsApi | undefined;
    const server = createServer((req, res) => {
      void (api as FakeGoogleSheetsApi).answer(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeGoogleSheetsApi(server, privateKey, publicKey);
    return api;
  }

  /** `GOOGLE_SHEETS_API_URL`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** `GOOGLE_OAUTH_TOKEN_URL`. */
  get tokenUrl(): string {
    return `${this.url}token`;
  }

  /** A key file for the test service account, as Google Cloud downloads it (`GOOGLE_SERVICE_ACCOUNT_JSON`). */
  serviceAccountJson(): string {
    return JSON.stringify({
      type: 'service_account',
      project_id: 'switchboard-test',
      private_key_id: '0123456789abcdef0123456789abcdef01234567',
      private_key: this.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      client_email: this.clientEmail,
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(this.clientEmail)}`,
      universe_domain: 'googleapis.com',
    });
  }

  /** A key file signed by another key: the token endpoint refuses it. */
  static foreignServiceAccountJson(clientEmail: string): string {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return JSON.stringify({ type: 'service_account', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }), client_email: clientEmail });
  }

  /** Creates a spreadsheet with one tab and its header row. */
  addSpreadsheet(spreadsheetId: string, tab: string, header: readonly string[] = []): void {
    const tabs = this.spreadsheets.get(spreadsheetId) ?? new Map<string, Tab>();
    this.nextGid += 1;
    tabs.set(tab, { gid: 1_000_000 + this.nextGid, rows: header.length === 0 ? [] : [[...header]] });
    this.spreadsheets.set(spreadsheetId, tabs);
  }

  rows(spreadsheetId: string, tab: string): string[][] {
    return this.spreadsheets.get(spreadsheetId)?.get(tab)?.rows ?? [];
  }

  gidOf(spreadsheetId: string, tab: string): number | undefined {
    return this.spreadsheets.get(spreadsheetId)?.get(tab)?.gid;
  }

  /** Queues answers for the next calls of `operation`, before the default behaviour resumes. */
  script(operation: string, ...answers: { status: number; body: unknown }[]): void {
    this.scripts.set(operation, [...(this.scripts.get(operation) ?? []), ...answers]);
  }

  callsTo(operation: string): GoogleCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
    this.spreadsheets.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(url.searchParams);
    const call: GoogleCall = { operation: 'unknown', method: req.method ?? 'GET', path: url.pathname, query, body: undefined, token: undefined, status: 0 };
    const answer = this.route(req, url, raw, call);
    call.status = answer.status;
    this.calls.push(call);
    return answer;
  }

  private route(req: IncomingMessage, url: URL, raw: string, call: GoogleCall): { status: number; body: unknown } {
    if (req.method === 'POST' && url.pathname === '/token') {
      call.operation = 'token';
      const form = new URLSearchParams(raw);
      call.body = Object.fromEntries(form);
      return this.scripted('token') ?? this.grant(form, call);
    }
    const match = /^\/v4\/spreadsheets\/([^/]+)(?:\/values\/([^/]+))?$/.exec(url.pathname);
    if (match === null) return googleError(404, 'NOT_FOUND', `The requested URL ${url.pathname} was not found on this server.`);
    const spreadsheetId = decodeURIComponent(match[1] as string);
    const rangePart = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    call.token = req.headers.authorization?.replace(/^Bearer /, '');
    call.operation = rangePart === undefined ? 'spreadsheets.get' : rangePart.endsWith(':append') ? 'values.append' : 'values.get';
    if (raw !== '') call.body = JSON.parse(raw);
    const scripted = this.scripted(call.operation);
    if (scripted !== undefined) return scripted;
    if (call.token === undefined || !this.tokens.has(call.token)) {
      return googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
    }
    const tabs = this.spreadsheets.get(spreadsheetId);
    if (tabs === undefined) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (rangePart === undefined) {
      return { status: 200, body: { sheets: [...tabs].map(([title, tab]) => ({ properties: { sheetId: tab.gid, title } })) } };
    }
    const range = rangePart.replace(/:append$/, '');
    call.range = range;
    const tabName = tabOf(range);
    const tab = tabs.get(tabName);
    if (tab === undefined) return googleError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
    if (call.operation === 'values.append') return this.append(spreadsheetId, tabName, tab, call);
    const values = tab.rows.map((row) => trimTrailingEmpty(row)).filter((row, index, rows) => row.length > 0 || rows.slice(index).some((r) => r.length > 0));
    return { status: 200, body: { range: `${quoted(tabName)}!A1:Z${Math.max(tab.rows.length, 1)}`, majorDimension: 'ROWS', ...(values.length === 0 ? {} : { values }) } };
  }

  private append(spreadsheetId: string, tabName: string, tab: Tab, call: GoogleCall): { status: number; body: unknown } {
    if (call.query['valueInputOption'] === undefined) return googleError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
    const values = (call.body as { values?: unknown[][] } | undefined)?.values ?? [];
    const before = tab.rows.length;
    for (const row of values) tab.rows.push(row.map((cell) => String(cell)));
    const width = Math.max(0, ...values.map((row) => row.length));
    const lastColumn = String.fromCharCode(64 + Math.max(width, 1));
    return {
      status: 200,
      body: {
        spreadsheetId,
        tableRange: `${quoted(tabName)}!A1:${lastColumn}${Math.max(before, 1)}`,
        updates: {
          spreadsheetId,
          updatedRange: `${quoted(tabName)}!A${before + 1}:${lastColumn}${before + values.length}`,
          updatedRows: values.length,
          updatedColumns: width,
          updatedCells: values.reduce((cells, row) => cells + row.length, 0),
        },
      },
    };
  }

  /** The JWT bearer grant (RFC 7523), checked as Google checks it. */
  private grant(form: URLSearchParams, call: GoogleCall): { status: number; body: unknown } {
    if (form.get('grant_type') !== JWT_BEARER) return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' } };
    const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
    if (header === undefined || payload === undefined || signature === undefined) return invalidGrant('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.');
    const valid = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, 'base64url'));
    if (!valid) return invalidGrant('Invalid JWT Signature.');
    const algorithm = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string }).alg;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    call.claims = claims;
    const now = Math.floor(Date.now() / 1000);
    if (algorithm !== 'RS256' || claims['iss'] !== this.clientEmail || claims['aud'] !== GOOGLE_TOKEN_URL) return invalidGrant('Invalid JWT: the claims do not match the service account.');
    if (typeof claims['exp'] !== 'number' || claims['exp'] < now || typeof claims['iat'] !== 'number' || claims['exp'] - claims['iat'] > 3600) {
      return invalidGrant('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.');
    }
    if (!String(claims['scope'] ?? '').split(' ').includes(SHEETS_SCOPE)) return { status: 400, body: { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' } };
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    this.tokens.add(token);
    return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
  }

  private scripted(operation: string): { status: number; body: unknown } | undefined {
    return this.scripts.get(operation)?.shift();
  }
}

function googleError(code: number, status: string, message: string): { status: number; body: unknown } {
  return { status: code, body: { error: { code, message, status } } };
}

function invalidGrant(description: string): { status: number; body: unknown } {
  return { status: 400, body: { error: 'invalid_grant', error_description: description } };
}

/** "'Customer questions'!A1" → "Customer questions"; "Sheet1!A:I" → "Sheet1". */
function tabOf(range: string): string {
  const name = range.includes('!') ? range.slice(0, range.lastIndexOf('!')) : range;
  return name.startsWith("'") ? name.slice(1, -1).replaceAll("''", "'") : name;
}

function quoted(tab: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab) ? tab : `'${tab.replaceAll("'", "''")}'`;
}

function trimTrailingEmpty(row: readonly string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end -= 1;
  return row.slice(0, end);
}
