import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message of a fake SQS queue. */
interface QueuedMessage {
  MessageId: string;
  ReceiptHandle: string;
  Body: string;
  /** As SQS sends it; the SDK checks it against the body. */
  MD5OfBody: string;
  Attributes: Record<string, string>;
  MessageAttributes: Record<string, { DataType: string; StringValue: string }>;
  /** Hidden from receivers until this instant (epoch ms). */
  invisibleUntil: number;
}

/**
 * The AWS APIs `switchboard --stack NAME` reads and acts through, besides DynamoDB (dynalite) and
 * Scheduler (FakeSchedulerApi), on one 127.0.0.1 server that answers like AWS does through the real SDK
 * clients (point `AWS_ENDPOINT_URL` at it):
 * - CloudFormation `DescribeStacks` (the query protocol, answered in XML) with the stack's outputs, or
 *   `ValidationError` for another stack;
 * - Secrets Manager `GetSecretValue` (JSON 1.1) with one secret;
 * - EventBridge `PutEvents` (JSON 1.1), accepting every entry;
 * - SQS `ReceiveMessage`, `DeleteMessage`, `ChangeMessageVisibility` (JSON 1.0) over queues by URL, with
 *   visibility timeouts;
 * - Lambda `Invoke` (REST JSON), answering 202 to an asynchronous invocation.
 * Tests assert on what it received.
 */
export class FakeStackApis {
  readonly events: { DetailType: string; Detail: string; EventBusName: string }[] = [];
  readonly invocations: { functionName: string; invocationType: string | undefined; payload: unknown }[] = [];
  readonly deleted: string[] = [];
  private readonly queues = new Map<string, QueuedMessage[]>();

  private constructor(
    private readonly server: Server,
    private readonly stack: { name: string; outputs: Record<string, string>; secret: Record<string, string> },
  ) {}

  static async start(stack: { name: string; outputs: Record<string, string>; secret: Record<string, string> }): Promise<FakeStackApis> {
    let api: FakeStackApis | undefined;
    const server = createServer((req, res) => {
      void (api as FakeStackApis).answer(req).then(({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeStackApis(server, stack);
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A queue's URL on this fake. */
  queueUrl(name: string): string {
    return `${this.endpoint}/123456789012/${name}`;
  }

  /** Puts a message on a queue, as EventBridge puts an undeliverable event on a dead-letter queue. */
  enqueue(queueUrl: string, body: unknown, attributes: Record<string, string> = {}, sentAt = Date.now()): string {
    const messageId = randomUUID();
    const messages = this.queues.get(queueUrl) ?? [];
    const text = JSON.stringify(body);
    messages.push({
      MessageId: messageId,
      ReceiptHandle: `${messageId}#${randomUUID()}`,
      Body: text,
      MD5OfBody: createHash('md5').update(text).digest('hex'),
      Attributes: { SentTimestamp: String(sentAt), ApproximateReceiveCount: '0' },
      MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
      invisibleUntil: 0,
    });
    this.queues.set(queueUrl, messages);
    return messageId;
  }

  messagesIn(queueUrl: string): number {
    return (this.queues.get(queueUrl) ?? []).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const target = String(req.headers['x-amz-target'] ?? '');
    const url = req.url ?? '/';
    const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(url);
    if (invoke !== null) {
      this.invocations.push({ functionName: decodeURIComponent(invoke[1] as string), invocationType: req.headers['x-amz-invocation-type'] as string | undefined, payload: JSON.parse(text) });
      return { status: 202, headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }, body: '' };
    }
    if (target.startsWith('AmazonSQS.')) return this.sqs(target.slice('AmazonSQS.'.length), JSON.parse(text) as Record<string, unknown>);
    if (target === 'secretsmanager.GetSecretValue') {
      const { SecretId } = JSON.parse(text) as { SecretId: string };
      return json11(200, { ARN: SecretId, Name: 'switchboard', SecretString: JSON.stringify(this.stack.secret), VersionId: 'v1', VersionStages: ['AWSCURRENT'] });
    }
    if (target === 'AWSEvents.PutEvents') {
      const { Entries = [] } = JSON.parse(text) as { Entries?: { DetailType: string; Detail: string; EventBusName: string }[] };
      this.events.push(...Entries);
      return json11(200, { FailedEntryCount: 0, Entries: Entries.map(() => ({ EventId: randomUUID() })) });
    }
    const form = new URLSearchParams(text);
    if (form.get('Action') === 'DescribeStacks') return this.describeStacks(form.get('StackName') ?? '');
    return json11(400, { __type: 'UnknownOperationException', message: `${target || form.get('Action') || url} is not faked` });
  }

  private describeStacks(name: string): { status: number; headers: Record<string, string>; body: string } {
    const xml = (body: string) => ({ status: body.includes('<Error>') ? 400 : 200, headers: { 'content-type': 'text/xml' }, body });
    if (name !== this.stack.name) {
      return xml(
        `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id ${escapeXml(name)} does not exist</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
      );
    }
    const outputs = Object.entries(this.stack.outputs)
      .map(([key, value]) => `<member><OutputKey>${escapeXml(key)}</OutputKey><OutputValue>${escapeXml(value)}</OutputValue></member>`)
      .join('');
    return xml(
      `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>` +
        `<StackName>${escapeXml(name)}</StackName><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/${escapeXml(name)}/1</StackId>` +
        `<CreationTime>2026-11-01T00:00:00.000Z</CreationTime><StackStatus>UPDATE_COMPLETE</StackStatus><Outputs>${outputs}</Outputs>` +
        `</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></DescribeStacksResponse>`,
    );
  }

  private sqs(operation: string, input: Record<string, unknown>): { status: number; headers: Record<string, string>; body: string } {
    const queueUrl = String(input['QueueUrl']);
    const messages = this.queues.get(queueUrl) ?? [];
    const now = Date.now();
    switch (operation) {
      case 'ReceiveMessage': {
        const visibility = Number(input['VisibilityTimeout'] ?? 30);
        const visible = messages.filter((message) => message.invisibleUntil <= now).slice(0, Number(input['MaxNumberOfMessages'] ?? 1));
        for (const message of visible) {
          message.invisibleUntil = now + visibility * 1000;
          message.ReceiptHandle = `${message.MessageId}#${randomUUID()}`;
        }
        return json10(200, { Messages: visible.map(({ invisibleUntil: _hidden, ...message }) => message) });
      }
      case 'DeleteMessage': {
        const handle = String(input['ReceiptHandle']);
        const index = messages.findIndex((message) => message.ReceiptHandle === handle);
        if (index >= 0) {
          this.deleted.push((messages[index] as QueuedMessage).MessageId);
          messages.splice(index, 1);
        }
        return json10(200, {});
      }
      case 'ChangeMessageVisibility': {
        const message = messages.find((each) => each.ReceiptHandle === String(input['ReceiptHandle']));
        if (message !== undefined) message.invisibleUntil = now + Number(input['VisibilityTimeout'] ?? 0) * 1000;
        return json10(200, {});
      }
      default:
        return json10(400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: `${operation} is not faked` });
    }
  }
}

function json10(status: number, body: unknown) {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify(body) };
}

function json11(status: number, body: unknown) {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
