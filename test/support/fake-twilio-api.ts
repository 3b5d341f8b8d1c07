import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendSignedTwilioRequest } from '../../infra/cli/scenarios/send-signed-twilio-request';
import { segmentCount, twilioStatusParams } from '../../infra/cli/scenarios/twilio-sms-params';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** One `POST …/Messages.json` the fake received. */
export interface MessageCall {
  /** The AccountSid of the path. */
  accountSid: string;
  /** HTTP Basic credentials, as sent. */
  username: string | undefined;
  password: string | undefined;
  /** The form fields exactly as received. */
  params: Record<string, string>;
  to: string | undefined;
  from: string | undefined;
  body: string | undefined;
  statusCallback: string | undefined;
  /** What the fake answered (201 with the Message resource, or an error). */
  answer: ScriptedAnswer;
}

interface StoredMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  statusCallback: string | undefined;
}

/** Twilio's error answers, as its REST API sends them. */
export const twilioAnswers = {
  rateLimited: (retryAfterSeconds = 1): ScriptedAnswer => ({
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: twilioError(20429, 'Too Many Requests', 429),
  }),
  serverError: (status = 500): ScriptedAnswer => ({ status, body: twilioError(20500, 'Internal Server Error', status) }),
  invalidToNumber: (to: string): ScriptedAnswer => ({ status: 400, body: twilioError(21211, `The 'To' number ${to} is not a valid phone number.`, 400) }),
  unauthenticated: (): ScriptedAnswer => ({ status: 401, body: twilioError(20003, 'Authenticate', 401) }),
};

/**
 * Twilio's REST API on 127.0.0.1, answering like Twilio: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * (form-encoded, HTTP Basic auth with the account SID and auth token, else 401 code 20003) creates a
 * queued Message resource (201). Answers can be scripted (429 with Retry-After, 5xx, 400 code 21211), and the
 * fake plays Twilio's other half too: it posts signed status callbacks to a message's StatusCallback.
 */
export class FakeTwilioApi {
  readonly messages: MessageCall[] = [];
  private readonly stored = new Map<string, StoredMessage>();
  private readonly scripts: ScriptedAnswer[] = [];
  private holding = false;
  /** Requests parked by `hold()`: received, never answered, not recorded. */
  held = 0;

  private constructor(
    private readonly server: Server,
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  static async start(credentials: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilioApi> {
    let api: FakeTwilioApi | undefined;
    const server = createServer((req, res) => {
      const self = api as FakeTwilioApi;
      if (self.holding) {
        self.held += 1;
        req.resume();
        res.on('error', () => undefined);
        return;
      }
      void self.answer(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'twilio-request-id': `RQ${randomBytes(16).toString('hex')}`, ...headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeTwilioApi(server, credentials.accountSid ?? `AC${randomBytes(16).toString('hex')}`, credentials.authToken ?? randomBytes(16).toString('hex'));
    return api;
  }

  /** The base URL to give the client (`TWILIO_API_URL`), in place of https://api.twilio.com. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues answers for the next message creations, before the default behaviour resumes. */
  script(...answers: ScriptedAnswer[]): void {
    this.scripts.push(...answers);
  }

  /** Creations Twilio accepted (201). */
  succeeded(): MessageCall[] {
    return this.messages.filter((call) => call.answer.status === 201);
  }

  /** From now on, park every request without answering it (a Twilio that does not answer in time). */
  hold(): void {
    this.holding = true;
  }

  resume(): void {
    this.holding = false;
  }

  reset(): void {
    this.messages.length = 0;
    this.scripts.length = 0;
    this.stored.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The status callback Twilio would post for a message it created: the message's StatusCallback URL
   * and Twilio's documented fields (ErrorCode on undelivered and failed ones).
   */
  statusCallbackRequest(sid: string, status: string, options: { errorCode?: string } = {}): { url: string; params: Record<string, string> } {
    const message = this.stored.get(sid);
    if (message === undefined) throw new Error(`the fake Twilio created no message ${sid}`);
    if (message.statusCallback === undefined) throw new Error(`message ${sid} was created without a StatusCallback`);
    return {
      url: message.statusCallback,
      params: twilioStatusParams({
        messageSid: sid,
        status,
        to: message.to,
        from: message.from,
        accountSid: message.accountSid,
        ...(options.errorCode === undefined ? {} : { errorCode: options.errorCode }),
      }),
    };
  }

  /**
   * Posts a message's status callback as Twilio does: to its StatusCallback, signed with the auth token,
   * with an idempotency token (pass the same one to simulate Twilio's retry of it).
   */
  async sendStatusCallback(
    sid: string,
    status: string,
    options: { errorCode?: string; idempotencyToken?: string } = {},
  ): Promise<{ status: number; contentType: string | null; body: string }> {
    const { url, params } = this.statusCallbackRequest(sid, status, options);
    return sendSignedTwilioRequest({ url, params, authToken: this.authToken, ...(options.idempotencyToken === undefined ? {} : { idempotencyToken: options.idempotencyToken }) });
  }

  private async answer(req: IncomingMessage): Promise<ScriptedAnswer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (req.method !== 'POST' || route === null) {
      return { status: 404, body: twilioError(20404, `The requested resource ${path} was not found`, 404) };
    }
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const [username, password] = basicCredentials(req.headers.authorization);
    const accountSid = route[1] as string;
    const answer = this.scripts.shift() ?? this.create(accountSid, username, password, params);
    this.messages.push({
      accountSid,
      username,
      password,
      params,
      to: params['To'],
      from: params['From'],
      body: params['Body'],
      statusCallback: params['StatusCallback'],
      answer,
    });
    return answer;
  }

  private create(accountSid: string, username: string | undefined, password: string | undefined, params: Record<string, string>): ScriptedAnswer {
    if (username !== this.accountSid || password !== this.authToken || accountSid !== this.accountSid) return twilioAnswers.unauthenticated();
    const { To: to, From: from, Body: body, StatusCallback: statusCallback } = params;
    if (to === undefined || to === '') return { status: 400, body: twilioError(21604, "A 'To' phone number is required.", 400) };
    if (from === undefined || from === '') return { status: 400, body: twilioError(21603, "A 'From' phone number is required.", 400) };
    if (body === undefined || body === '') return { status: 400, body: twilioError(21602, 'Message body is required.', 400) };
    const sid = `SM${randomBytes(16).toString('hex')}`;
    this.stored.set(sid, { sid, accountSid, to, from, statusCallback });
    const now = new Date().toUTCString().replace('GMT', '+0000');
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
    return {
      status: 201,
      body: {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: String(segmentCount(body)),
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
        to,
        uri,
      },
    };
  }
}

function twilioError(code: number, message: string, status: number): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function basicCredentials(header: string | undefined): [string | undefined, string | undefined] {
  if (header === undefined || !header.startsWith('Basic ')) return [undefined, undefined];
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded, undefined] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
