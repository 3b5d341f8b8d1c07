import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod/mini';
import type { Logger } from '../../log/logger';
import { ProviderError } from '../provider-error';
import type { NewUnthreadConversation, UnthreadConversation, UnthreadConversations } from './unthread-conversations';
import { createConversationBody, findByReferenceBody } from './unthread-requests';

/** Unthread's API (https://docs.unthread.io/api-introduction/using-api, "Calling the API"). */
export const UNTHREAD_API_URL = 'https://api.unthread.io/api';

export interface LiveUnthreadOptions {
  /** `UNTHREAD_API_KEY`: a service account's key, sent as `X-Api-Key`. */
  apiKey: string;
  /** `UNTHREAD_API_URL`: replaces https://api.unthread.io/api (a fake server in tests). */
  apiUrl?: string | undefined;
  log: Logger;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /**
   * Tries per call (default 3), and the longest wait before the next one (default 10 s): a 429 whose
   * Retry-After asks for longer fails transiently at once, so the run is retried later instead of
   * holding a Lambda. Without Retry-After, waits double from `baseDelayMs` (default 500 ms).
   */
  retries?: { attempts: number; maxWaitMs: number; baseDelayMs: number };
  /** How to wait between tries (tests record the waits instead of sleeping). */
  wait?: (milliseconds: number) => Promise<void>;
}

/** What a create or get answers: the conversation object, of which we read a few fields. */
const conversationSchema = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  status: z.optional(z.nullable(z.string())),
  friendlyId: z.optional(z.nullable(z.number())),
  title: z.optional(z.nullable(z.string())),
});
const listSchema = z.looseObject({
  data: z.array(conversationSchema),
  cursors: z.optional(z.looseObject({ hasNext: z.optional(z.boolean()), next: z.optional(z.nullable(z.string())) })),
});

/** Pages of a look-up before giving up: a reference is unique, so one page nearly always answers. */
const MAX_LOOKUP_PAGES = 5;

type Attempt = { ok: true; status: number; body: unknown } | { ok: false; failure: ProviderError; waitMs: number | undefined; maybeProcessed: boolean };

/**
 * Unthread over `fetch` (it has no official client): `POST /conversations`, `GET /conversations/{id}` and
 * `POST /conversations/list`, authenticated with `X-Api-Key`.
 *
 * 429 and 5xx answers and network failures are retried, honouring `Retry-After`, a bounded number of
 * times; what still fails is a transient ProviderError, and any other 4xx a permanent one. A create whose
 * request may have been processed (a 5xx, a timeout) is looked up by its reference before it is sent
 * again, so that a lost answer does not make a second conversation. Errors never carry Unthread's answer,
 * which may quote the applicant's name or address.
 *
 * @example
 * const unthread = new LiveUnthreadConversations({ apiKey: secrets.UNTHREAD_API_KEY, apiUrl: settings.apiUrls.unthread, log });
 * const { id } = await unthread.create({ reference: 'SB-4F1A9C0B7E', type: 'email', title, markdown, onBehalfOf, emailInboxId });
 */
export class LiveUnthreadConversations implements UnthreadConversations {
  readonly mode = 'live';
  private readonly baseUrl: string;
  private readonly retries: { attempts: number; maxWaitMs: number; baseDelayMs: number };
  private readonly wait: (milliseconds: number) => Promise<void>;

  constructor(private readonly options: LiveUnthreadOptions) {
    this.baseUrl = (options.apiUrl ?? UNTHREAD_API_URL).replace(/\/+$/, '');
    this.retries = options.retries ?? { attempts: 3, maxWaitMs: 10_000, baseDelayMs: 500 };
    this.wait = options.wait ?? ((milliseconds) => sleep(milliseconds));
  }

  async create(conversation: NewUnthreadConversation): Promise<UnthreadConversation> {
    const body = createConversationBody(conversation);
    const answer = await this.call('conversations.create', 'POST', '/conversations', body, async () => this.findByReference(conversation.reference));
    if (answer.found !== undefined) return answer.found;
    return toConversation(parseOr('conversations.create', conversationSchema, answer.body), 'open');
  }

  async get(id: string): Promise<UnthreadConversation | undefined> {
    const answer = await this.call('conversations.get', 'GET', `/conversations/${encodeURIComponent(id)}`, undefined);
    if (answer.status === 404) return undefined;
    return toConversation(parseOr('conversations.get', conversationSchema, answer.body), 'open');
  }

  /**
   * Asks Unthread's list endpoint for the conversations whose title contains the reference, and keeps
   * the one whose title really does (whatever `contains` matches, case or substring, we check ourselves).
   */
  async findByReference(reference: string): Promise<UnthreadConversation | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LOOKUP_PAGES; page += 1) {
      const answer = await this.call('conversations.list', 'POST', '/conversations/list', findByReferenceBody(reference, cursor));
      const list = parseOr('conversations.list', listSchema, answer.body);
      const match = list.data.find((conversation) => typeof conversation.title === 'string' && conversation.title.includes(reference));
      if (match !== undefined) return toConversation(match, 'open');
      if (list.cursors?.hasNext !== true || !list.cursors.next) return undefined;
      cursor = list.cursors.next;
    }
    throw new ProviderError('unthread', 'conversations.list', true, `no answer within ${MAX_LOOKUP_PAGES} pages of the look-up`);
  }

  /**
   * One API call with its retries. `alreadyDone` is asked, before a request that may have been processed
   * is sent again, whether its effect is there already.
   */
  private async call(
    operation: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    alreadyDone?: () => Promise<UnthreadConversation | undefined>,
  ): Promise<{ status: number; body: unknown; found?: UnthreadConversation }> {
    let maybeProcessed = false;
    for (let attempt = 1; ; attempt += 1) {
      if (maybeProcessed && alreadyDone !== undefined) {
        const found = await alreadyDone();
        if (found !== undefined) return { status: 200, body: undefined, found };
      }
      const outcome = await this.attempt(operation, method, path, body);
      if (outcome.ok) return { status: outcome.status, body: outcome.body };
      maybeProcessed ||= outcome.maybeProcessed;
      const waitMs = outcome.waitMs ?? this.retries.baseDelayMs * 2 ** (attempt - 1);
      if (!outcome.failure.transient || attempt >= this.retries.attempts || waitMs > this.retries.maxWaitMs) {
        this.options.log.warn('Unthread call failed', { operation, status: outcome.failure.status, transient: outcome.failure.transient, attempts: attempt });
        throw outcome.failure;
      }
      this.options.log.warn('Unthread call failed; retrying', { operation, status: outcome.failure.status, attempt, waitMs });
      await this.wait(waitMs);
    }
  }

  private async attempt(operation: string, method: 'GET' | 'POST', path: string, body: unknown): Promise<Attempt> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { 'x-api-key': this.options.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const reason = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timed out' : 'network error';
      // The request may have reached Unthread before the connection failed.
      return { ok: false, failure: new ProviderError('unthread', operation, true, `request failed: ${reason}`), waitMs: undefined, maybeProcessed: true };
    }
    const status = response.status;
    if (status === 404 && method === 'GET') return { ok: true, status, body: undefined };
    if (response.ok) {
      try {
        return { ok: true, status, body: (await response.json()) as unknown };
      } catch {
        // Accepted, but the answer is unreadable: repeating could create a second conversation.
        return { ok: false, failure: new ProviderError('unthread', operation, false, `HTTP ${status} with an answer that is not JSON`, { status }), waitMs: undefined, maybeProcessed: true };
      }
    }
    await response.body?.cancel().catch(() => undefined);
    const transient = status === 429 || status >= 500;
    const waitMs = retryAfterMs(response.headers.get('retry-after'));
    const hint = status === 401 || status === 403 ? ': UNTHREAD_API_KEY was refused' : '';
    return {
      ok: false,
      failure: new ProviderError('unthread', operation, transient, `HTTP ${status}${hint}`, { status }),
      waitMs,
      // A 429 was refused before any work; a 5xx may have been processed half-way.
      maybeProcessed: status >= 500,
    };
  }
}

/** `Retry-After` in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseOr<S extends z.ZodMiniType>(operation: string, schema: S, body: unknown): z.infer<S> {
  const parsed = z.safeParse(schema, body);
  if (parsed.success) return parsed.data;
  throw new ProviderError('unthread', operation, false, `unexpected answer (${parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')})`);
}

function toConversation(conversation: z.infer<typeof conversationSchema>, defaultStatus: string): UnthreadConversation {
  return {
    id: conversation.id,
    status: conversation.status ?? defaultStatus,
    ...(typeof conversation.friendlyId === 'number' ? { friendlyId: conversation.friendlyId } : {}),
  };
}
