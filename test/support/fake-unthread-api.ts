import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received. */
export interface UnthreadRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  body: Record<string, unknown> | undefined;
  /** What the fake answered. */
  status: number;
}

/** A conversation the fake holds, with the request body that created it. */
export interface FakeConversation {
  id: string;
  friendlyId: number;
  status: string;
  title: string | null;
  createdAt: string;
  request: Record<string, unknown>;
}

export interface ScriptedUnthreadAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Do the work (create the conversation) first, then answer this: a lost answer. */
  afterProcessing?: boolean;
}

type Route = 'create' | 'get' | 'list';

/**
 * Unthread's REST API on 127.0.0.1, answering like https://docs.unthread.io/api-introduction/using-api
 * describes it: `X-Api-Key` authentication, `POST /conversations` (creates an open conversation and returns
 * it), `GET /conversations/{id}` (404 when there is none), `POST /conversations/list` with the list
 * convention (`where` with `==`/`contains`, `limit`, `{ data, totalCount, cursors }`), and scripted answers
 * per route (429 with Retry-After, 5xx, a 500 after the conversation was created). Tests assert on what it
 * received and holds.
 */
export class FakeUnthreadApi {
  readonly requests: UnthreadRequest[] = [];
  readonly conversations = new Map<string, FakeConversation>();
  private readonly scripts = new Map<Route, ScriptedUnthreadAnswer[]>();
  private friendlyIds = 0;

  private constructor(
    private readonly server: Server,
    readonly apiKey: string,
  ) {}

  static async start(apiKey = 'unthread-test-key'): Promise<FakeUnthreadApi> {
    let api: FakeUnthreadApi | undefined;
    const server = createServer((req, res) => {
      void (api as FakeUnthreadApi).answer(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeUnthreadApi(server, apiKey);
    return api;
  }

  /** The base URL to give the adapter (`UNTHREAD_API_URL`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** Queues answers for the next requests of a route, before the default behaviour resumes. */
  script(route: Route, ...answers: ScriptedUnthreadAnswer[]): void {
    this.scripts.set(route, [...(this.scripts.get(route) ?? []), ...answers]);
  }

  /** An agent changes a conversation's status in Unthread. */
  setStatus(id: string, status: string): void {
    const conversation = this.conversations.get(id);
    if (conversation === undefined) throw new Error(`no conversation ${id}`);
    conversation.status = status;
  }

  /** Adds a conversation as if created earlier (by a process that crashed before recording it). */
  seed(request: Record<string, unknown>): FakeConversation {
    return this.store(request);
  }

  created(): FakeConversation[] {
    return [...this.conversations.values()];
  }

  requestsTo(method: string, pathPrefix: string): UnthreadRequest[] {
    return this.requests.filter((request) => request.method === method && request.path.startsWith(pathPrefix));
  }

  reset(): void {
    this.requests.length = 0;
    this.conversations.clear();
    this.scripts.clear();
    this.friendlyIds = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body?: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = req.method ?? 'GET';
    const apiKey = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined;
    const answer = this.route(method, path, apiKey, body);
    this.requests.push({ method, path, apiKey, body, status: answer.status });
    return answer;
  }

  private route(method: string, path: string, apiKey: string | undefined, body: Record<string, unknown> | undefined) {
    if (apiKey !== this.apiKey) return { status: 401, body: { error: 'Unauthorized' } };
    const route: Route | undefined =
      method === 'POST' && path === '/api/conversations' ? 'create' : method === 'POST' && path === '/api/conversations/list' ? 'list' : method === 'GET' && path.startsWith('/api/conversations/') ? 'get' : undefined;
    if (route === undefined) return { status: 404, body: { error: 'Not found' } };
    const scripted = this.scripts.get(route)?.shift();
    if (scripted !== undefined && !scripted.afterProcessing) return scripted;
    const answer = this.process(route, path, body ?? {});
    return scripted ?? answer;
  }

  private process(route: Route, path: string, body: Record<string, unknown>): { status: number; body: unknown } {
    switch (route) {
      case 'create': {
        const problem = invalidCreate(body);
        if (problem !== undefined) return { status: 400, body: { error: problem } };
        return { status: 200, body: this.view(this.store(body)) };
      }
      case 'get': {
        const conversation = this.conversations.get(decodeURIComponent(path.slice('/api/conversations/'.length)));
        return conversation === undefined ? { status: 404, body: { error: 'Conversation not found' } } : { status: 200, body: this.view(conversation) };
      }
      case 'list': {
        const where = (body['where'] ?? []) as { field: string; operator: string; value: unknown }[];
        const limit = Math.min(Number(body['limit'] ?? 100), 100);
        const matching = this.created().filter((conversation) => where.every((clause) => matches(conversation, clause)));
        return {
          status: 200,
          body: { data: matching.slice(0, limit).map((c) => this.view(c)), totalCount: matching.length, cursors: { hasNext: false, hasPrevious: false } },
        };
      }
    }
  }

  private store(request: Record<string, unknown>): FakeConversation {
    this.friendlyIds += 1;
    const conversation: FakeConversation = {
      id: randomUUID(),
      friendlyId: this.friendlyIds,
      status: String(request['status'] ?? 'open'),
      title: typeof request['title'] === 'string' ? request['title'] : null,
      createdAt: new Date().toISOString(),
      request,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  private view(conversation: FakeConversation): Record<string, unknown> {
    return {
      id: conversation.id,
      friendlyId: conversation.friendlyId,
      status: conversation.status,
      title: conversation.title,
      priority: conversation.request['priority'] ?? null,
      assignedToUserId: conversation.request['assignedToUserId'] ?? null,
      createdAt: conversation.createdAt,
      updatedAt: conversation.createdAt,
    };
  }
}

function invalidCreate(body: Record<string, unknown>): string | undefined {
  if (body['type'] !== 'email' && body['type'] !== 'triage' && body['type'] !== 'slack') return 'type must be triage, email or slack';
  if (typeof body['markdown'] !== 'string' || body['markdown'] === '') return 'markdown is required';
  if (!['open', 'in_progress', 'on_hold', 'closed'].includes(String(body['status']))) return 'status is invalid';
  if (body['type'] === 'email') {
    const onBehalfOf = body['onBehalfOf'] as { email?: unknown } | undefined;
    if (typeof body['emailInboxId'] !== 'string') return 'emailInboxId is required for email conversations';
    if (typeof onBehalfOf?.email !== 'string') return 'onBehalfOf.email is required for email conversations';
  }
  if (body['type'] === 'triage' && typeof body['triageChannelId'] !== 'string') return 'triageChannelId is required for triage conversations';
  return undefined;
}

function matches(conversation: FakeConversation, clause: { field: string; operator: string; value: unknown }): boolean {
  const value = (conversation as unknown as Record<string, unknown>)[clause.field];
  switch (clause.operator) {
    case '==':
      return value === clause.value;
    case 'contains':
      return typeof value === 'string' && typeof clause.value === 'string' && value.includes(clause.value);
    default:
      return false;
  }
}
