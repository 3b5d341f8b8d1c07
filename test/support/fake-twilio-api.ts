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

/** A Message resource the fake Twilio holds, as its REST API shows it. */
interface StoredMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | undefined;
  resource: Record<string, unknown>;
  createdAt: Date;
  /** When Twilio handed it to the carrier (DateSent); none while it is queued. */
  sentAt?: Date;
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

/** One `GET …/Messages.json` the fake received: its filters, as sent. */
export interface ListCall {
  query: Record<string, string>;
  answer: ScriptedAnswer;
}

/**
 * Twilio's REST API on 127.0.0.1, answering like Twilio: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 * (form-encoded, HTTP Basic auth with the account SID and auth token, else 401 code 20003) creates a
 * queued Message resource (201); `GET` of the same path lists the account's messages newest first,
 * filtered by `To`, `From` and `DateSent`, in pages (`PageSize`, `Page`, `PageToken`, `next_page_uri`) as
 * Twilio pages them. Creations can be scripted (429 with Retry-After, 5xx, 400 code 21211), and the fake
 * plays Twilio's other half too: it posts signed status callbacks to a message's StatusCallback.
 */
export class FakeTwilioApi {
  readonly messages: MessageCall[] = [];
  readonly lists: ListCall[] = [];
  private readonly stored = new Map<string, StoredMessage>();
  private readonly scripts: ScriptedAnswer[] = [];
  private holding = false;
  private creatingUnanswered = false;
  /** Requests parked by `hold()`: received, never answered, not recorded. */
  held = 0;
  /** Creations performed and then left unanswered by `performWithoutAnswering`. */
  performedUnanswered = 0;

  private constructor(
    private readonly server: Server,
    readonly accountSid: string,
    readonly authToken: string,
    private readonly now: () => Date,
  ) {}

  static async start(options: { accountSid?: string; authToken?: string; now?: () => Date } = {}): Promise<FakeTwilioApi> {
    let api: FakeTwilioApi | undefined;
    const server = createServer((req, res) => {
      const self = api as FakeTwilioApi;
      if (self.holding) {
        self.held += 1;
        req.resume();
        res.on('error', () => undefined);
        return;
      }
      const creating = req.method === 'POST';
      void self.answer(req).then(({ status, headers, body }) => {
        if (creating && self.creatingUnanswered) {
          self.performedUnanswered += 1;
          res.on('error', () => undefined);
          return; // created, never answered: the caller waits until it gives up or dies
        }
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'twilio-request-id': `RQ${randomBytes(16).toString('hex')}`, ...headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeTwilioApi(
      server,
      options.accountSid ?? `AC${randomBytes(16).toString('hex')}`,
      options.authToken ?? randomBytes(16).toString('hex'),
      options.now ?? (() => new Date()),
    );
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
    this.creatingUnanswered = false;
  }

  /**
   * From now on, create every message (Twilio holds it and would send it) but never answer the request:
   * the worst moment for a crash, after Twilio accepted the message and before the caller heard so.
   */
  performWithoutAnswering(): void {
    this.creatingUnanswered = true;
  }

  /** Every message Twilio holds (created, answered or not), oldest first. */
  createdMessages(): { sid: string; to: string; from: string; body: string }[] {
    return [...this.stored.values()].map(({ sid, to, from, body }) => ({ sid, to, from, body }));
  }

  reset(): void {
    this.messages.length = 0;
    this.lists.length = 0;
    this.scripts.length = 0;
    this.stored.clear();
    this.creatingUnanswered = false;
    this.performedUnanswered = 0;
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
    this.markStatus(sid, status);
    return sendSignedTwilioRequest({ url, params, authToken: this.authToken, ...(options.idempotencyToken === undefined ? {} : { idempotencyToken: options.idempotencyToken }) });
  }

  /** The message's status moves on, as its callbacks report: from `sent` on, it has a DateSent. */
  private markStatus(sid: string, status: string): void {
    const message = this.stored.get(sid);
    if (message === undefined) return;
    if (status !== 'queued' && status !== 'accepted' && status !== 'sending' && message.sentAt === undefined) {
      message.sentAt = this.now();
      message.resource['date_sent'] = rfc2822(message.sentAt);
    }
    message.resource['status'] = status;
  }

  private async answer(req: IncomingMessage): Promise<ScriptedAnswer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [path = '/', search = ''] = (req.url ?? '/').split('?');
    const route = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if ((req.method !== 'POST' && req.method !== 'GET') || route === null) {
      return { status: 404, body: twilioError(20404, `The requested resource ${path} was not found`, 404) };
    }
    const [username, password] = basicCredentials(req.headers.authorization);
    const accountSid = route[1] as string;
    if (req.method === 'GET') {
      const query = Object.fromEntries(new URLSearchParams(search));
      const answer =
        username !== this.accountSid || password !== this.authToken || accountSid !== this.accountSid ? twilioAnswers.unauthenticated() : this.list(accountSid, path, query);
      this.lists.push({ query, answer });
      return answer;
    }
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
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
    const createdAt = this.now();
    const now = rfc2822(createdAt);
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
    const resource: Record<string, unknown> = {
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
    };
    this.stored.set(sid, { sid, accountSid, to, from, body, statusCallback, resource, createdAt });
    return { status: 201, body: resource };
  }

  /**
   * The message list as Twilio answers it: newest first (by DateSent; a message not sent yet has none and
   * comes first), `To`/`From` exact, `DateSent>=`/`DateSent<=` by day or instant, `PageSize` (default 50,
   * at most 1000), `Page` with its `PageToken`, and the paging URIs.
   */
  private list(accountSid: string, path: string, query: Record<string, string>): ScriptedAnswer {
    const after = query['DateSent>'] ?? query['DateSent>='];
    const before = query['DateSent<'] ?? query['DateSent<='];
    const matching = [...this.stored.values()]
      .filter((m) => m.accountSid === accountSid)
      .filter((m) => query['To'] === undefined || m.to === query['To'])
      .filter((m) => query['From'] === undefined || m.from === query['From'])
      // A message not sent yet has no DateSent: a DateSent filter leaves it out, as Twilio's does.
      .filter((m) => after === undefined || (m.sentAt !== undefined && m.sentAt.getTime() >= dayOrInstant(after)))
      .filter((m) => before === undefined || (m.sentAt !== undefined && m.sentAt.getTime() <= dayOrInstant(before) + (before.length === 10 ? 86_399_999 : 0)))
      .reverse();
    const pageSize = Math.min(Number(query['PageSize'] ?? 50) || 50, 1000);
    const pageNumber = Number(query['Page'] ?? 0) || 0;
    const start = pageNumber * pageSize;
    const slice = matching.slice(start, start + pageSize);
    const filters = Object.entries(query).filter(([name]) => !['Page', 'PageSize', 'PageToken'].includes(name));
    const uriOf = (page: number) => {
      const pairs: [string, string][] = [...filters, ['PageSize', String(pageSize)], ['Page', String(page)]];
      if (page > 0) pairs.push(['PageToken', `PA${slice[0]?.sid ?? 'END'}`]);
      const search = new URLSearchParams(pairs);
      return `${path}?${search.toString()}`;
    };
    return {
      status: 200,
      body: {
        messages: slice.map((m) => m.resource),
        end: start + Math.max(slice.length - 1, 0),
        first_page_uri: uriOf(0),
        next_page_uri: start + pageSize < matching.length ? uriOf(pageNumber + 1) : null,
        page: pageNumber,
        page_size: pageSize,
        previous_page_uri: pageNumber > 0 ? uriOf(pageNumber - 1) : null,
        start,
        uri: uriOf(pageNumber),
      },
    };
  }
}

/** Twilio's dates: RFC 2822, in UTC. */
function rfc2822(instant: Date): string {
  return instant.toUTCString().replace('GMT', '+0000');
}

/** `2026-11-22` (that day, at midnight UTC) or an ISO instant, in epoch milliseconds. */
function dayOrInstant(value: string): number {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getTime();
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
