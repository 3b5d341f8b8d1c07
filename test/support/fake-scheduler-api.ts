import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SchedulerCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | undefined;
}

/**
 * EventBridge Scheduler's REST API on 127.0.0.1, enough for the timers adapter: schedules are kept by
 * name (per group), a second create of the same name is a ConflictException, a delete of a missing one a
 * ResourceNotFoundException. Tests assert on the requests the AWS SDK client sent.
 */
export class FakeSchedulerApi {
  readonly calls: SchedulerCall[] = [];
  readonly schedules = new Map<string, Record<string, unknown>>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSchedulerApi> {
    let api: FakeSchedulerApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const text = Buffer.concat(chunks).toString('utf8');
        const call: SchedulerCall = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
        (api as FakeSchedulerApi).calls.push(call);
        const { status, body, errorType } = (api as FakeSchedulerApi).answer(call);
        res.writeHead(status, { 'content-type': 'application/json', ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }) });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSchedulerApi(server);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(call: SchedulerCall): { status: number; body: unknown; errorType?: string } {
    const name = decodeURIComponent(call.path.replace(/^\/schedules\/?/, ''));
    const group = call.method === 'POST' ? String(call.body?.['GroupName'] ?? 'default') : (call.query.get('groupName') ?? 'default');
    const key = `${group}/${name}`;
    if (call.method === 'POST') {
      if (this.schedules.has(key)) return { status: 409, errorType: 'ConflictException', body: { Message: `Schedule ${name} already exists.` } };
      this.schedules.set(key, { Name: name, ...call.body });
      return { status: 200, body: { ScheduleArn: `arn:aws:scheduler:us-east-1:123456789012:schedule/${group}/${name}` } };
    }
    if (call.method === 'DELETE') {
      if (!this.schedules.delete(key)) return { status: 404, errorType: 'ResourceNotFoundException', body: { Message: `Schedule ${name} does not exist.` } };
      return { status: 200, body: {} };
    }
    if (call.method === 'GET' && name === '') {
      const wanted = call.query.get('ScheduleGroup') ?? call.query.get('GroupName');
      const items = [...this.schedules.entries()].filter(([k]) => wanted === null || k.startsWith(`${wanted}/`)).map(([k, s]) => ({ Name: s['Name'], GroupName: k.split('/')[0], State: 'ENABLED' }));
      return { status: 200, body: { Schedules: items } };
    }
    const schedule = this.schedules.get(key);
    return schedule === undefined
      ? { status: 404, errorType: 'ResourceNotFoundException', body: { Message: `Schedule ${name} does not exist.` } }
      : { status: 200, body: schedule };
  }
}
