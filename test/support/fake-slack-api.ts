import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  /** The Web API method, or `response_url` for a POST to one of the response URLs it issued. */
  method: string;
  /** For `response_url`: which of them. */
  responseUrl?: string;
  /** The decoded arguments (form fields, with JSON-valued ones like `blocks` parsed). */
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered. */
  answer: ScriptedAnswer;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Slack did the work (a post is kept) before this answer went wrong: a lost answer, a proxy's 502. */
  performFirst?: boolean;
}

/** A message the fake Slack holds, as `conversations.history` returns it. */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  bot_id?: string;
  user?: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * A Slack Web API on 127.0.0.1 that answers like Slack: `ok: true` results for the chat methods,
 * `invalid_auth` without the right bearer token, and scripted answers (429 with Retry-After, 5xx,
 * `ok: false` errors) queued per method. It keeps what was posted, with its metadata, and answers
 * `conversations.history`, `conversations.replies` and `conversations.open` from it like Slack (newest
 * first or thread order, `oldest`/`inclusive`, cursor paging, metadata only with `include_all_metadata`).
 * It also issues interactions' response URLs (`responseUrl()`, under `responseUrlBase`) and takes their
 * JSON POSTs as Slack does: `{"ok":true}`, five uses per URL, and `404 {"ok":false,"error":"expired_url"}`
 * for one it did not issue or that is used up. Tests assert on the calls it received and the messages it holds.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** What Slack holds, per conversation (a post to a user id lands in the DM `D…` of that user). */
  readonly conversations = new Map<string, StoredMessage[]>();
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private sequence = 0;
  /** Methods whose requests are parked (all of them when `true`). */
  private holding: boolean | ReadonlySet<string> = false;
  /** Methods whose requests are performed but never answered (Slack took the post, the answer was lost). */
  private readonly unanswered = new Set<string>();
  /** Requests performed and then left unanswered by `performWithoutAnswering`. */
  performedUnanswered = 0;
  /** Methods that fail until `recover()`: the answer given to each call whose arguments `when` accepts. */
  private readonly failing = new Map<string, { answer: ScriptedAnswer; when: (args: Record<string, unknown>) => boolean }>();
  /** Users `users.info` knows, with their workspace (team id); anyone else is `user_not_found`. */
  private readonly users = new Map<string, string>();
  /** Requests parked by `hold()`: received, never answered, not counted as calls. */
  held = 0;
  /** The response URLs it issued, and how many times each was used. */
  private readonly responseUrls = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = 'xoxb-test-token'): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      const self = api as FakeSlackApi;
      const method = methodOf(req.url);
      if (self.holding === true || (self.holding !== false && self.holding.has(method))) {
        self.held += 1;
        req.resume();
        res.on('error', () => undefined);
        return; // parked: the caller waits until it gives up or dies
      }
      void self.answer(req).then(({ method, answer: { status, headers, body } }) => {
        if (self.unanswered.has(method)) {
          self.performedUnanswered += 1;
          res.on('error', () => undefined);
          return; // performed, never answered: the caller waits until it gives up or dies
        }
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSlackApi(server, token);
    return api;
  }

  /** The base URL to give the client (`SLACK_API_URL`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  /** Where its response URLs live: the ingest's override for tests (Slack's are under https://hooks.slack.com/). */
  get responseUrlBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/`;
  }

  /** A new response URL, as Slack puts one in an interaction payload (`…/app/T…/…/…`). */
  responseUrl(team = 'T0EXAMPLE1'): string {
    this.sequence += 1;
    const url = `${this.responseUrlBase}app/${team}/${8_000_000_000_000 + this.sequence}/${Math.random().toString(36).slice(2, 14)}`;
    this.responseUrls.set(url, 0);
    return url;
  }

  /** Queues answers for the next calls of `method`, before the default behaviour resumes. */
  script(method: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /**
   * From now on, every call of `method` whose arguments `when` accepts gets `answer` (say, a 500), however
   * often it is retried, until `recover()`: Slack down for one channel, not for a fixed number of calls.
   */
  failFromNowOn(method: string, answer: ScriptedAnswer, when: (args: Record<string, unknown>) => boolean = () => true): void {
    this.failing.set(method, { answer, when });
  }

  /** Ends every `failFromNowOn`. */
  recover(): void {
    this.failing.clear();
  }

  /** Makes `users.info` know `user` as a member of workspace `team`. */
  addUser(user: string, team: string): void {
    this.users.set(user, team);
  }

  /** From now on, park every request (or those of `methods`) without answering it: a Slack that has not received it yet. */
  hold(...methods: string[]): void {
    this.holding = methods.length === 0 ? true : new Set(methods);
  }

  /** Answer requests again (parked ones stay unanswered). */
  resume(): void {
    this.holding = false;
    this.unanswered.clear();
  }

  /**
   * From now on, perform every call of `methods` (a post is kept, as Slack keeps it) but never answer it:
   * the worst moment for a crash, after Slack accepted the call and before the caller heard so.
   */
  performWithoutAnswering(...methods: string[]): void {
    for (const method of methods) this.unanswered.add(method);
  }

  /** Every message Slack holds that carries our effect metadata, by effect key. */
  effectPosts(): Map<string, StoredMessage[]> {
    const byKey = new Map<string, StoredMessage[]>();
    for (const messages of this.conversations.values()) {
      for (const message of messages) {
        const key = message.metadata?.event_type === 'switchboard_effect' ? message.metadata.event_payload['key'] : undefined;
        if (typeof key === 'string') byKey.set(key, [...(byKey.get(key) ?? []), message]);
      }
    }
    return byKey;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
    this.failing.clear();
    this.conversations.clear();
    this.unanswered.clear();
    this.performedUnanswered = 0;
    this.responseUrls.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ method: string; answer: ScriptedAnswer }> {
    const method = methodOf(req.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const args = decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    if (method === 'response_url') {
      const responseUrl = `${this.responseUrlBase}${(req.url ?? '').replace(/^\/hooks\//, '')}`;
      const answer = this.scripts.get(method)?.shift() ?? this.respond(responseUrl, req.headers['content-type']);
      this.calls.push({ method, responseUrl, args, token: undefined, answer });
      return { method, answer };
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    const failing = this.failing.get(method);
    const scripted = this.scripts.get(method)?.shift() ?? (failing?.when(args) === true ? failing.answer : undefined);
    if (scripted?.performFirst === true) this.defaultResult(method, args);
    const answer = scripted ?? (token === this.token ? { status: 200, body: this.defaultResult(method, args) } : { status: 200, body: { ok: false, error: 'invalid_auth' } });
    this.calls.push({ method, args, token, answer });
    return { method, answer };
  }

  /** Calls of `method` that Slack answered `ok: true`. */
  succeeded(method: string): SlackCall[] {
    return this.callsTo(method).filter((call) => call.answer.status === 200 && (call.answer.body as { ok?: boolean }).ok === true);
  }

  /** A POST to a response URL: JSON only, five times per URL it issued. */
  private respond(responseUrl: string, contentType: string | undefined): ScriptedAnswer {
    const uses = this.responseUrls.get(responseUrl);
    if (uses === undefined || uses >= 5) return { status: 404, body: { ok: false, error: 'expired_url' } };
    if (contentType?.startsWith('application/json') !== true) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
    this.responseUrls.set(responseUrl, uses + 1);
    return { status: 200, body: { ok: true } };
  }

  private defaultResult(method: string, args: Record<string, unknown>): Record<string, unknown> {
    this.sequence += 1;
    const ts = `${1_800_000_000 + this.sequence}.${String(this.sequence).padStart(6, '0')}`;
    switch (method) {
      case 'chat.postMessage': {
        const channel = conversationOf(String(args['channel']));
        const message: StoredMessage = {
          type: 'message',
          ts,
          text: String(args['text'] ?? ''),
          bot_id: 'B0SWITCHBD',
          ...(args['thread_ts'] === undefined ? {} : { thread_ts: String(args['thread_ts']) }),
          ...(isMetadata(args['metadata']) ? { metadata: args['metadata'] } : {}),
        };
        this.conversations.set(channel, [...(this.conversations.get(channel) ?? []), message]);
        return { ok: true, channel, ts, message };
      }
      case 'conversations.open': {
        const users = String(args['users'] ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(users)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: conversationOf(users) } };
      }
      case 'conversations.history': {
        const channel = String(args['channel']);
        if (!/^[CGD][A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
        const topLevel = (this.conversations.get(channel) ?? []).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
        return page([...topLevel].reverse(), args);
      }
      case 'conversations.replies': {
        const channel = String(args['channel']);
        const thread = String(args['ts']);
        const messages = (this.conversations.get(channel) ?? []).filter((m) => m.ts === thread || m.thread_ts === thread);
        if (messages.length === 0) return { ok: false, error: 'thread_not_found' };
        return page(messages, args);
      }
      case 'chat.update':
        return { ok: true, channel: args['channel'], ts: args['ts'], text: args['text'] };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts };
      case 'chat.getPermalink': {
        // As Slack builds them: the workspace URL, the channel, and the ts without its dot after a "p".
        const [seconds, fraction = ''] = String(args['message_ts']).split('.');
        return { ok: true, channel: args['channel'], permalink: `https://example.slack.com/archives/${String(args['channel'])}/p${seconds}${fraction.padEnd(6, '0')}` };
      }
      case 'users.info': {
        const team = this.users.get(String(args['user']));
        if (team === undefined) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: args['user'], team_id: team, name: 'someone', deleted: false, is_bot: false, tz: 'America/Los_Angeles' } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** The Web API method a request calls (`/api/chat.postMessage`), or `response_url` for `/hooks/…`. */
function methodOf(url: string | undefined): string {
  if (url?.startsWith('/hooks/') === true) return 'response_url';
  return (url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
}

/** A post to a user id lands in the DM with them, whose id Slack makes up (here: `D` and the user's id). */
function conversationOf(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel.slice(1)}` : channel;
}

function isMetadata(value: unknown): value is StoredMessage['metadata'] {
  return typeof value === 'object' && value !== null && typeof (value as { event_type?: unknown }).event_type === 'string';
}

/**
 * One page of messages as Slack pages them: `oldest`/`latest` (exclusive unless `inclusive`), `limit`,
 * a `cursor` that is an opaque offset, metadata only when `include_all_metadata` is true.
 */
function page(messages: readonly StoredMessage[], args: Record<string, unknown>): Record<string, unknown> {
  const inclusive = String(args['inclusive']) === 'true' || args['inclusive'] === '1';
  const oldest = args['oldest'] === undefined ? undefined : Number(args['oldest']);
  const latest = args['latest'] === undefined ? undefined : Number(args['latest']);
  const inWindow = messages.filter((m) => {
    const ts = Number(m.ts);
    if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
    if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
    return true;
  });
  const limit = Math.min(Number(args['limit'] ?? 100) || 100, 999);
  const offset = args['cursor'] === undefined ? 0 : Number(Buffer.from(String(args['cursor']), 'base64').toString('utf8').replace(/^offset:/, ''));
  const slice = inWindow.slice(offset, offset + limit);
  const withMetadata = String(args['include_all_metadata']) === 'true';
  const hasMore = offset + limit < inWindow.length;
  return {
    ok: true,
    messages: slice.map(({ metadata, ...rest }) => (withMetadata && metadata !== undefined ? { ...rest, metadata } : rest)),
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '' },
  };
}

function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}
