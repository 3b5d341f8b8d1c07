import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Invoke the fake received. */
export interface LambdaInvocation {
  /** The function name of the path, decoded. */
  functionName: string;
  /** `X-Amz-Invocation-Type`: Event, RequestResponse or DryRun (RequestResponse when absent, as Lambda takes it). */
  invocationType: string;
  /** The payload, parsed as JSON. */
  payload: unknown;
  /** What the fake answered. */
  status: number;
}

/**
 * AWS Lambda's Invoke on 127.0.0.1 (REST: `POST /2015-03-31/functions/{FunctionName}/invocations`), for the
 * functions it is started with, named or by ARN. An asynchronous invocation (`X-Amz-Invocation-Type: Event`)
 * is queued: 202, no body; `DryRun` answers 204; `RequestResponse` answers 200 with `null`, as a handler
 * returning nothing does. It runs nothing: tests assert on `invocations`. An unknown function is Lambda's 404
 * ResourceNotFoundException; a function in `denied`, the 403 AccessDeniedException of a caller IAM does not allow.
 */
export class FakeLambdaApi {
  readonly invocations: LambdaInvocation[] = [];
  /** Functions the caller may not invoke (IAM): Lambda answers 403 AccessDeniedException. */
  readonly denied = new Set<string>();

  private constructor(
    private readonly server: Server,
    private readonly functions: ReadonlySet<string>,
  ) {}

  static async start(functionNames: readonly string[]): Promise<FakeLambdaApi> {
    let api: FakeLambdaApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const self = api as FakeLambdaApi;
        const headers = { 'x-amzn-requestid': randomUUID() };
        const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
        if (req.method !== 'POST' || match === null) {
          res.writeHead(404, { ...headers, 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' });
          res.end(JSON.stringify({ message: `The fake answers Invoke only, not ${req.method} ${req.url}` }));
          return;
        }
        const functionName = decodeURIComponent(match[1] as string);
        const text = Buffer.concat(chunks).toString('utf8');
        const invocationType = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
        if (!self.knows(functionName)) {
          self.invocations.push({ functionName, invocationType, payload: text === '' ? undefined : JSON.parse(text), status: 404 });
          res.writeHead(404, { ...headers, 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
          res.end(JSON.stringify({ Type: 'User', Message: `Function not found: arn:aws:lambda:us-east-1:123456789012:function:${functionName}` }));
          return;
        }
        if (self.denied.has(functionName)) {
          self.invocations.push({ functionName, invocationType, payload: text === '' ? undefined : JSON.parse(text), status: 403 });
          res.writeHead(403, { ...headers, 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' });
          const resource = `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`;
          res.end(JSON.stringify({ Message: `User: arn:aws:iam::123456789012:user/admin is not authorized to perform: lambda:InvokeFunction on resource: ${resource} because no identity-based policy allows the lambda:InvokeFunction action` }));
          return;
        }
        const status = invocationType === 'Event' ? 202 : invocationType === 'DryRun' ? 204 : 200;
        self.invocations.push({ functionName, invocationType, payload: text === '' ? undefined : JSON.parse(text), status });
        res.writeHead(status, { ...headers, 'content-type': 'application/json', ...(status === 200 ? { 'x-amz-executed-version': '$LATEST' } : {}) });
        res.end(status === 200 ? 'null' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeLambdaApi(server, new Set(functionNames));
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The invocations of one function that Lambda accepted. */
  invocationsOf(functionName: string): LambdaInvocation[] {
    return this.invocations.filter((invocation) => invocation.functionName === functionName && invocation.status < 300);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private knows(functionName: string): boolean {
    return this.functions.has(functionName) || this.functions.has(functionName.replace(/^arn:aws:lambda:[^:]+:\d+:function:/, '').replace(/:[^:]+$/, ''));
  }
}
