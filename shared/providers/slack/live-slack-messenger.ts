import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type Logger as SlackLogger,
} from '@slack/web-api';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLOCK_SKEW_MS } from '../../idempotency/look-up-window';
import type { Logger } from '../../log/logger';
import { ProviderError } from '../provider-error';
import { carriesEffect } from './effect-metadata';
import type { InteractionReply, MessageQuery, PostedMessage, SlackMessage, SlackMessenger } from './slack-messenger';
import { postEphemeralArguments, postMessageArguments, responseArguments, updateArguments } from './web-api-arguments';

export interface LiveSlackOptions {
  token: string;
  /** `SLACK_API_URL`: a fake server in tests, an Enterprise Grid proxy; must end with `/`. */
  apiUrl?: string | undefined;
  log: Logger;
  /** The client's own retries of 5xx and network failures (429s wait for Retry-After). */
  retries?: { retries: number; minTimeout: number; maxTimeout: number };
  timeoutMs?: number;
  /**
   * A fetch that applies `timeoutMs` itself (the local runtime passes `createNodeHttpFetch`); by default the
   * platform's fetch, with the Slack client's own timeout signal.
   */
  fetch?: typeof fetch;
}

/** A page of history or replies: Slack's limit is higher, but a few hundred messages answer quickly. */
const LOOK_UP_PAGE_SIZE = 200;
/** Errors that mean the conversation or thread holds nothing of ours to find. */
const NOTHING_THERE = new Set(['channel_not_found', 'thread_not_found', 'user_not_found', 'is_archived']);
/** Errors that mean the app may not look (a scope or membership the admin did not grant). */
const MAY_NOT_LOOK = new Set(['missing_scope', 'not_in_channel', 'not_allowed_token_type', 'no_permission']);

/** The longest Retry-After waited out within one call; longer, the run fails transiently and the bus retries. */
const MAX_RATE_LIMIT_WAIT_MS = 20_000;

/** Where Slack's response URLs live; a configured `apiUrl`'s origin (a fake Slack in tests) is trusted too. */
const SLACK_RESPONSE_URL_BASE = 'https://hooks.slack.com/';

/** Slack `ok: false` errors that may pass on their own; every other one is permanent. */
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'service_unavailable', 'fatal_error', 'internal_error', 'request_timeout']);

/**
 * Talks to Slack through the official `@slack/web-api` client.
 *
 * @example
 * const slack = new LiveSlackMessenger({ token: secrets.SLACK_BOT_TOKEN, apiUrl: settings.apiUrls.slack, log });
 */
export class LiveSlackMessenger implements SlackMessenger {
  readonly mode = 'live';
  private readonly client: WebClient;
  /** For posts that carry an effect key: one request per call, retried here, where a lost answer is looked up. */
  private readonly singleShot: WebClient;
  private readonly retries: { retries: number; minTimeout: number; maxTimeout: number };
  /** Permalinks and workspaces never change: asked once per container (bounded, oldest forgotten first). */
  private readonly permalinks = new BoundedCache<string>(5_000);
  private readonly teams = new BoundedCache<string>(5_000);
  /** The direct-message conversation with each user (a DM's id never changes). */
  private readonly directMessages = new BoundedCache<string>(5_000);
  private readonly log: Logger;
  /** For response URLs, which the Web API client does not call. */
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number | undefined;
  private readonly apiOrigin: string | undefined;

  constructor(options: LiveSlackOptions) {
    this.log = options.log;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.fetch === undefined ? (options.timeoutMs ?? 10_000) : undefined;
    this.apiOrigin = options.apiUrl === undefined ? undefined : `${new URL(options.apiUrl).origin}/`;
    this.retries = options.retries ?? { retries: 3, minTimeout: 500, maxTimeout: 5_000 };
    const common = {
      ...(options.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.apiUrl) }),
      ...(options.fetch === undefined ? { timeout: options.timeoutMs ?? 10_000 } : { fetch: options.fetch, timeout: 0 }),
      logger: slackLogger(options.log),
      logLevel: LogLevel.WARN,
      allowAbsoluteUrls: false,
    };
    this.client = new WebClient(options.token, { ...common, retryConfig: { ...this.retries, factor: 2, randomize: true } });
    this.singleShot = new WebClient(options.token, { ...common, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  }

  /**
   * Posts a message. A post that carries an effect key is never simply sent again: the client would
   * repeat a post whose answer was lost (a timeout, a 5xx from a proxy after Slack took it), so such a
   * post is retried here, and before each retry Slack is asked whether the first one landed. A 429 means
   * it did not: it is retried after Slack's Retry-After.
   */
  async postMessage(message: SlackMessage): Promise<PostedMessage> {
    if (message.effectKey === undefined) return this.post(this.client, message);
    const since = new Date(Date.now() - CLOCK_SKEW_MS);
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.post(this.singleShot, message);
      } catch (error) {
        if (!(error instanceof ProviderError) || !error.transient || attempt >= this.retries.retries) throw error;
        if (error.status === 429) {
          await sleep(Math.min((error.retryAfterSeconds ?? 1) * 1000, MAX_RATE_LIMIT_WAIT_MS));
          continue;
        }
        await sleep(Math.min(this.retries.minTimeout * 2 ** attempt, this.retries.maxTimeout));
        const landed = await this.findMessage({
          channel: message.channel,
          ...(message.threadTs === undefined ? {} : { threadTs: message.threadTs }),
          effectKey: message.effectKey,
          since,
        });
        if (landed !== undefined) return landed;
      }
    }
  }

  private async post(client: WebClient, message: SlackMessage): Promise<PostedMessage> {
    const result = await this.call('chat.postMessage', () => client.chat.postMessage(postMessageArguments(message)));
    if (result.ts === undefined) throw new ProviderError('slack', 'chat.postMessage', false, 'the answer carried no ts');
    return { channel: result.channel ?? message.channel, ts: result.ts };
  }

  async findMessage(query: MessageQuery): Promise<PostedMessage | undefined> {
    const operation = query.threadTs === undefined ? 'conversations.history' : 'conversations.replies';
    try {
      const channel = isUserId(query.channel) ? await this.directMessageWith(query.channel) : query.channel;
      const oldest = secondsTs(query.since);
      let cursor: string | undefined;
      do {
        const page =
          query.threadTs === undefined
            ? await this.call(operation, () =>
                this.client.conversations.history({ channel, oldest, inclusive: true, limit: LOOK_UP_PAGE_SIZE, include_all_metadata: true, ...(cursor === undefined ? {} : { cursor }) }),
              )
            : await this.call(operation, () =>
                this.client.conversations.replies({
                  channel,
                  ts: query.threadTs as string,
                  oldest,
                  inclusive: true,
                  limit: LOOK_UP_PAGE_SIZE,
                  include_all_metadata: true,
                  ...(cursor === undefined ? {} : { cursor }),
                }),
              );
        const found = page.messages?.find((message) => message.ts !== undefined && carriesEffect(message.metadata, query.effectKey));
        if (found?.ts !== undefined) return { channel, ts: found.ts };
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor !== undefined);
      return undefined;
    } catch (error) {
      if (!(error instanceof ProviderError) || error.code === undefined) throw error;
      if (NOTHING_THERE.has(error.code)) return undefined;
      if (MAY_NOT_LOOK.has(error.code)) {
        // The old behaviour (post again) is better than no answer at all: say what to grant, and go on.
        this.log.warn('Slack post cannot be looked up: posting again', { operation, code: error.code, grant: 'channels:history, groups:history, im:history, im:write' });
        return undefined;
      }
      throw error;
    }
  }

  async updateMessage(message: SlackMessage & { ts: string }): Promise<void> {
    await this.call('chat.update', () => this.client.chat.update(updateArguments(message)));
  }

  async postEphemeral(message: SlackMessage & { user: string }): Promise<void> {
    await this.call('chat.postEphemeral', () => this.client.chat.postEphemeral(postEphemeralArguments(message)));
  }

  /**
   * One POST of JSON, as Slack documents it (no token: the URL is the credential). A 2xx is success; any
   * other status, or an `ok: false` body, a `ProviderError` that never carries the URL. Not retried here:
   * a response whose answer was lost would show twice, and the run's own retry is enough.
   */
  async respond(responseUrl: string, reply: InteractionReply): Promise<void> {
    const operation = 'response_url';
    if (!responseUrl.startsWith(SLACK_RESPONSE_URL_BASE) && (this.apiOrigin === undefined || !responseUrl.startsWith(this.apiOrigin))) {
      throw new ProviderError('slack', operation, false, 'the response URL is not one of Slack\'s');
    }
    let response: Response;
    try {
      response = await this.fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(responseArguments(reply)),
        ...(this.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(this.timeoutMs) }),
      });
    } catch (error) {
      throw new ProviderError('slack', operation, true, `request failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const answer = await response.text();
    if (!response.ok) {
      const code = failureCode(answer) ?? 'unexpected_answer';
      throw new ProviderError('slack', operation, response.status >= 500 || response.status === 429, `HTTP ${response.status} ${code}`, { status: response.status, code });
    }
    // A 2xx fails only when its body says so in JSON: a plain-text answer to a 2xx is Slack's "ok".
    const code = answer.trim().startsWith('{') ? failureCode(answer) : undefined;
    if (code !== undefined) throw new ProviderError('slack', operation, TRANSIENT_PLATFORM_ERRORS.has(code), code, { code });
  }

  async permalink(channel: string, ts: string): Promise<string> {
    const key = `${channel}:${ts}`;
    const known = this.permalinks.get(key);
    if (known !== undefined) return known;
    const result = await this.call('chat.getPermalink', () => this.client.chat.getPermalink({ channel, message_ts: ts }));
    if (result.permalink === undefined) throw new ProviderError('slack', 'chat.getPermalink', false, 'the answer carried no permalink');
    this.permalinks.set(key, result.permalink);
    return result.permalink;
  }

  async teamOfUser(user: string): Promise<string | undefined> {
    const known = this.teams.get(user);
    if (known !== undefined) return known;
    let result;
    try {
      result = await this.call('users.info', () => this.client.users.info({ user }));
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'user_not_found') return undefined; // nobody we can place
      throw error;
    }
    const team = result.user?.team_id;
    if (team !== undefined) this.teams.set(user, team);
    return team;
  }

  /** The DM conversation with `user` (`conversations.open`, scope `im:write`): a post to a user id lands there. */
  private async directMessageWith(user: string): Promise<string> {
    const known = this.directMessages.get(user);
    if (known !== undefined) return known;
    const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: user }));
    const id = opened.channel?.id;
    if (id === undefined) throw new ProviderError('slack', 'conversations.open', false, 'the answer carried no channel');
    this.directMessages.set(user, id);
    return id;
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toProviderError(operation, error);
    }
  }
}

function toProviderError(operation: string, error: unknown): ProviderError {
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    return new ProviderError('slack', operation, TRANSIENT_PLATFORM_ERRORS.has(code), code, { cause: error, code });
  }
  if (error instanceof WebAPIHTTPError) {
    return new ProviderError('slack', operation, error.statusCode >= 500 || error.statusCode === 429, `HTTP ${error.statusCode}`, {
      cause: error,
      status: error.statusCode,
    });
  }
  if (error instanceof WebAPIRateLimitedError) {
    return new ProviderError('slack', operation, true, `rate limited (retry after ${error.retryAfter}s)`, { cause: error, status: 429, retryAfterSeconds: error.retryAfter });
  }
  if (error instanceof WebAPIRequestError) {
    return new ProviderError('slack', operation, true, `request failed: ${error.original.message}`, { cause: error });
  }
  // p-retry gives up with the last error of the task: a rate-limit that outlasted the retries, for instance.
  return new ProviderError('slack', operation, true, error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * The error a response URL's answer names: `{"ok":false,"error":"expired_url"}`, or a bare code in plain
 * text (`invalid_payload`); undefined for a success (`{"ok":true}`, `ok`) or an answer that names none.
 */
function failureCode(answer: string): string | undefined {
  const trimmed = answer.trim();
  try {
    const parsed = JSON.parse(trimmed) as { ok?: unknown; error?: unknown } | null;
    if (parsed?.ok !== false) return undefined;
    return typeof parsed.error === 'string' ? parsed.error.slice(0, 100) : 'unknown_error';
  } catch {
    return trimmed !== 'ok' && /^[a-z_]{1,100}$/.test(trimmed) ? trimmed : undefined;
  }
}

/** A Map that forgets its oldest entry beyond `limit`, so a long-lived container does not grow without end. */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** A user's id (a post to it goes to the app's DM with them), not a conversation's. */
function isUserId(channel: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(channel);
}

/** An instant as a Slack timestamp, to the second (what `oldest` takes). */
function secondsTs(instant: Date): string {
  return `${Math.floor(instant.getTime() / 1000)}.000000`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Routes the Slack client's own log lines into our structured logger (which redacts). */
function slackLogger(log: Logger): SlackLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...messages: unknown[]) => log.warn('slack client', { detail: messages.map(String).join(' ') }),
    error: (...messages: unknown[]) => log.error('slack client', { detail: messages.map(String).join(' ') }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
