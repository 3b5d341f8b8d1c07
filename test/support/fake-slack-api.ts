import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
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
}

/**
 * A Slack Web API on 127.0.0.1 that answers like Slack: `ok: true` results for the chat methods,
 * `invalid_auth` without the right bearer token, and scripted answers (429 with Retry-After, 5xx,
 * `ok: false` errors) queued per method. Tests assert on the calls it received.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private sequence = 0;
  private holding = false;
  /** Users `users.info` knows, with their workspace (team id); anyone else is `user_not_found`. */
  private readonly users = new Map<string, string>();
  /** Requests parked by `hold()`: received, never answered, not counted as calls. */
  held = 0;

  private constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  static async start(token = 'xoxb-test-token'): Promise<FakeSlackApi> {
    let api: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      if ((api as FakeSlackApi).holding) {
        (api as FakeSlackApi).held += 1;
        req.resume();
        res.on('error', () => undefined);
        return; // parked: the caller waits until it gives up or dies
      }
      void (api as FakeSlackApi).answer(req).then(({ status, headers, body }) => {
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

  /** Queues answers for the next calls of `method`, before the default behaviour resumes. */
  script(method: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /** Makes `users.info` know `user` as a member of workspace `team`. */
  addUser(user: string, team: string): void {
    this.users.set(user, team);
  }

  /** From now on, park every request without answering it (a Slack that has not received it yet). */
  hold(): void {
    this.holding = true;
  }

  /** Answer requests again (parked ones stay unanswered). */
  resume(): void {
    this.holding = false;
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<ScriptedAnswer> {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const args = decode(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    const answer = this.scripts.get(method)?.shift() ??
      (token === this.token ? { status: 200, body: this.defaultResult(method, args) } : { status: 200, body: { ok: false, error: 'invalid_auth' } });
    this.calls.push({ method, args, token, answer });
    return answer;
  }

  /** Calls of `method` that Slack answered `ok: true`. */
  succeeded(method: string): SlackCall[] {
    return this.callsTo(method).filter((call) => call.answer.status === 200 && (call.answer.body as { ok?: boolean }).ok === true);
  }

  private defaultResult(method: string, args: Record<string, unknown>): Record<string, unknown> {
    this.sequence += 1;
    const ts = `${1_800_000_000 + this.sequence}.${String(this.sequence).padStart(6, '0')}`;
    switch (method) {
      case 'chat.postMessage':
        return { ok: true, channel: args['channel'], ts, message: { type: 'message', text: args['text'], ts, bot_id: 'B0SWITCHBD' } };
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

function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}
