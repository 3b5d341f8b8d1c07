import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The two JSON-protocol AWS APIs a bundled function calls besides DynamoDB and Scheduler: Secrets Manager
 * (`GetSecretValue`, answering one secret) and EventBridge (`PutEvents`, accepting every entry). Enough to
 * run a bundle in a fresh process through the real AWS SDK clients.
 */
export class FakeAwsJsonApis {
  readonly events: unknown[] = [];

  private constructor(private readonly server: Server) {}

  static async start(secret: Record<string, string>): Promise<FakeAwsJsonApis> {
    let api: FakeAwsJsonApis | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string; Entries?: unknown[] };
        let answer: unknown;
        if (target.endsWith('GetSecretValue')) {
          answer = { ARN: body.SecretId, Name: 'switchboard', SecretString: JSON.stringify(secret), VersionId: 'v1', VersionStages: ['AWSCURRENT'] };
        } else if (target.endsWith('PutEvents')) {
          (api as FakeAwsJsonApis).events.push(...(body.Entries ?? []));
          answer = { FailedEntryCount: 0, Entries: (body.Entries ?? []).map((_, i) => ({ EventId: `event-${Date.now()}-${i}` })) };
        } else {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'UnknownOperationException' });
          res.end(JSON.stringify({ __type: 'UnknownOperationException', message: target }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeAwsJsonApis(server);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
