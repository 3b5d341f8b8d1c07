import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One GetSecretValue the fake received. */
export interface SecretRead {
  secretId: string;
  found: boolean;
}

/**
 * AWS Secrets Manager's GetSecretValue on 127.0.0.1, in the JSON protocol its client speaks (`POST /`,
 * `X-Amz-Target: secretsmanager.GetSecretValue`, `application/x-amz-json-1.1`): the secrets it is given,
 * by ARN or by name, answer their SecretString (AWSCURRENT); an unknown one is Secrets Manager's 400
 * ResourceNotFoundException. Tests assert on `reads`.
 */
export class FakeSecretsManagerApi {
  readonly reads: SecretRead[] = [];
  private readonly secrets = new Map<string, { name: string; value: string }>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSecretsManagerApi> {
    let api: FakeSecretsManagerApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const self = api as FakeSecretsManagerApi;
        const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
        if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
          res.writeHead(400, { ...headers, 'x-amzn-errortype': 'UnknownOperationException' });
          res.end(JSON.stringify({ __type: 'UnknownOperationException', message: `The fake answers GetSecretValue only, not ${String(req.headers['x-amz-target'])}` }));
          return;
        }
        const { SecretId: secretId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId: string };
        const entry = [...self.secrets.entries()].find(([arn, secret]) => arn === secretId || secret.name === secretId);
        self.reads.push({ secretId, found: entry !== undefined });
        if (entry === undefined) {
          res.writeHead(400, { ...headers, 'x-amzn-errortype': 'ResourceNotFoundException' });
          res.end(JSON.stringify({ __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." }));
          return;
        }
        const [arn, secret] = entry;
        res.writeHead(200, headers);
        res.end(JSON.stringify({ ARN: arn, Name: secret.name, VersionId: randomUUID(), SecretString: secret.value, VersionStages: ['AWSCURRENT'], CreatedDate: 1_795_000_000 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSecretsManagerApi(server);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stores a secret under its ARN (its name is the ARN's, without Secrets Manager's random suffix). */
  put(arn: string, value: string): void {
    const name = arn.replace(/^arn:aws:secretsmanager:[^:]+:\d+:secret:/, '').replace(/-[A-Za-z0-9]{6}$/, '');
    this.secrets.set(arn, { name, value });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
