import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: the operation of its `X-Amz-Target`, and its JSON body as sent. */
export interface SqsCall {
  operation: string;
  input: Record<string, unknown>;
}

/** A message to put in a queue, as its sender (EventBridge, Lambda) would have sent it. */
export interface QueuedMessage {
  body: string;
  /** String message attributes, e.g. EventBridge's ERROR_CODE. */
  attributes?: Record<string, string>;
  /** When it was sent (SentTimestamp); default: now on the fake's clock. */
  sentAt?: Date;
}

interface StoredMessage {
  messageId: string;
  body: string;
  attributes: Record<string, string>;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt: number | undefined;
  /** Hidden until then (epoch ms); visible when not after now. */
  visibleAt: number;
  /** The latest receipt handle: the one that deletes it. */
  receiptHandle: string | undefined;
}

interface Answer {
  status: number;
  body: unknown;
  /** `Code;Type` of the `x-amzn-query-error` header, for an error. */
  queryError?: string;
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * Amazon SQS on 127.0.0.1, answering the JSON protocol the current @aws-sdk/client-sqs speaks (`POST /`,
 * `X-Amz-Target: AmazonSQS.<Operation>`, `application/x-amz-json-1.0`; errors carry `__type` and, as the
 * client's query-compatible mode reads them, `x-amzn-query-error: Code;Sender`). Standard queues keyed by
 * queue URL hold messages with SQS's visibility rules on the fake's clock: a receive hides each message it
 * hands out for its VisibilityTimeout (0 leaves it visible) under a new receipt handle; only the latest
 * handle deletes it (an older one succeeds and deletes nothing, as SQS says it may), ChangeMessageVisibility
 * needs a message in flight (else MessageNotInflight). A clock that does not move keeps a hidden message
 * hidden until it is put back or deleted. Long polling answers at once: the fake has no other servers to
 * ask. `receiveAtMost` makes receives hand out fewer messages than asked, as SQS often does. Bodies carry
 * their MD5 (the client checks it); tests assert on `calls`.
 */
export class FakeSqsApi {
  readonly calls: SqsCall[] = [];
  private readonly queues = new Map<string, StoredMessage[]>();
  /** Every receipt handle handed out, to the message it was for. */
  private readonly handles = new Map<string, string>();
  /** At most this many messages per receive, whatever MaxNumberOfMessages asks. */
  receiveAtMost = 10;

  private constructor(
    private readonly server: Server,
    private readonly now: () => Date,
  ) {}

  static async start(options: { now?: () => Date } = {}): Promise<FakeSqsApi> {
    let api: FakeSqsApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const self = api as FakeSqsApi;
        const target = String(req.headers['x-amz-target'] ?? '');
        const operation = target.startsWith('AmazonSQS.') ? target.slice('AmazonSQS.'.length) : target;
        const text = Buffer.concat(chunks).toString('utf8');
        const input = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
        self.calls.push({ operation, input });
        const { status, body, queryError } = self.answer(operation, input);
        res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': randomUUID(), ...(queryError === undefined ? {} : { 'x-amzn-query-error': queryError }) });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new FakeSqsApi(server, options.now ?? (() => new Date()));
    return api;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Creates a queue; its URL is under the fake's endpoint, as SQS's are under theirs. */
  createQueue(name: string, accountId = '123456789012'): string {
    const url = `${this.endpoint}/${accountId}/${name}`;
    if (!this.queues.has(url)) this.queues.set(url, []);
    return url;
  }

  /** Puts a message in a queue (as its sender would); returns its MessageId. */
  put(queueUrl: string, message: QueuedMessage): string {
    const queue = this.queues.get(queueUrl);
    if (queue === undefined) throw new Error(`no queue ${queueUrl}; createQueue first`);
    const messageId = randomUUID();
    const sentAt = (message.sentAt ?? this.now()).getTime();
    queue.push({ messageId, body: message.body, attributes: message.attributes ?? {}, sentAt, receiveCount: 0, firstReceivedAt: undefined, visibleAt: sentAt, receiptHandle: undefined });
    return messageId;
  }

  /** Empties a queue, as PurgeQueue does. */
  purge(queueUrl: string): void {
    this.queues.get(queueUrl)?.splice(0);
  }

  /** The ids of a queue's messages, in flight or not. */
  messageIds(queueUrl: string): string[] {
    return (this.queues.get(queueUrl) ?? []).map((message) => message.messageId);
  }

  /** The ids of a queue's messages that a receive would hand out now. */
  visibleMessageIds(queueUrl: string): string[] {
    const now = this.now().getTime();
    return (this.queues.get(queueUrl) ?? []).filter((message) => message.visibleAt <= now).map((message) => message.messageId);
  }

  /** The calls of one operation, e.g. `DeleteMessage`. */
  callsOf(operation: string): SqsCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(operation: string, input: Record<string, unknown>): Answer {
    const queue = this.queues.get(String(input['QueueUrl']));
    if (queue === undefined) return error(400, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
    switch (operation) {
      case 'ReceiveMessage':
        return { status: 200, body: this.receive(queue, input) };
      case 'DeleteMessage':
        return this.delete(queue, String(input['ReceiptHandle']));
      case 'ChangeMessageVisibility':
        return this.changeVisibility(queue, String(input['ReceiptHandle']), Number(input['VisibilityTimeout']));
      case 'ChangeMessageVisibilityBatch': {
        const entries = (input['Entries'] ?? []) as { Id: string; ReceiptHandle: string; VisibilityTimeout?: number }[];
        if (entries.length === 0) return error(400, 'EmptyBatchRequest', 'AWS.SimpleQueueService.EmptyBatchRequest', 'There should be at least one ChangeMessageVisibilityBatchRequestEntry in the request.');
        if (entries.length > 10) return error(400, 'TooManyEntriesInBatchRequest', 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 'Maximum number of entries per request are 10.');
        const successful: { Id: string }[] = [];
        const failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
        for (const entry of entries) {
          const outcome = this.changeVisibility(queue, entry.ReceiptHandle, entry.VisibilityTimeout ?? 0);
          if (outcome.status === 200) successful.push({ Id: entry.Id });
          else failed.push({ Id: entry.Id, SenderFault: true, Code: String(outcome.queryError?.split(';')[0]), Message: String((outcome.body as { message: string }).message) });
        }
        return { status: 200, body: { Successful: successful, Failed: failed } };
      }
      default:
        return error(400, 'UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', `The fake does not answer ${operation}.`);
    }
  }

  private receive(queue: StoredMessage[], input: Record<string, unknown>): { Messages?: unknown[] } {
    const now = this.now().getTime();
    const wanted = Math.min(Number(input['MaxNumberOfMessages'] ?? 1), this.receiveAtMost);
    const visibilitySeconds = Number(input['VisibilityTimeout'] ?? 30);
    const systemNames = [...((input['MessageSystemAttributeNames'] ?? []) as string[]), ...((input['AttributeNames'] ?? []) as string[])];
    const attributeNames = (input['MessageAttributeNames'] ?? []) as string[];
    const handedOut = queue.filter((message) => message.visibleAt <= now).slice(0, wanted);
    const messages = handedOut.map((message) => {
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilitySeconds * 1000;
      message.receiptHandle = `${message.messageId}#${randomUUID()}`;
      this.handles.set(message.receiptHandle, message.messageId);
      const system: Record<string, string> = {
        SenderId: 'AIDAEXAMPLESENDER',
        SentTimestamp: String(message.sentAt),
        ApproximateReceiveCount: String(message.receiveCount),
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
      };
      const attributes = Object.fromEntries(Object.entries(system).filter(([name]) => systemNames.includes('All') || systemNames.includes(name)));
      const userAttributes = Object.fromEntries(
        Object.entries(message.attributes)
          .filter(([name]) => attributeNames.some((wantedName) => wantedName === 'All' || wantedName === '.*' || wantedName === name || (wantedName.endsWith('.*') && name.startsWith(wantedName.slice(0, -2)))))
          .map(([name, value]) => [name, { StringValue: value, DataType: 'String' }]),
      );
      return {
        MessageId: message.messageId,
        ReceiptHandle: message.receiptHandle,
        MD5OfBody: md5(message.body),
        Body: message.body,
        ...(Object.keys(attributes).length === 0 ? {} : { Attributes: attributes }),
        ...(Object.keys(userAttributes).length === 0 ? {} : { MessageAttributes: userAttributes, MD5OfMessageAttributes: md5OfStringAttributes(userAttributes) }),
      };
    });
    return messages.length === 0 ? {} : { Messages: messages };
  }

  private delete(queue: StoredMessage[], receiptHandle: string): Answer {
    const messageId = this.handles.get(receiptHandle);
    if (messageId === undefined) return error(404, 'ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`);
    const index = queue.findIndex((message) => message.messageId === messageId && message.receiptHandle === receiptHandle);
    if (index >= 0) queue.splice(index, 1);
    return { status: 200, body: {} };
  }

  private changeVisibility(queue: StoredMessage[], receiptHandle: string, visibilitySeconds: number): Answer {
    const messageId = this.handles.get(receiptHandle);
    const message = queue.find((each) => each.messageId === messageId);
    if (message === undefined || message.receiptHandle !== receiptHandle) return error(404, 'ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`);
    const now = this.now().getTime();
    if (message.visibleAt <= now) return error(400, 'MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 'The message referred to is not in flight.');
    message.visibleAt = now + visibilitySeconds * 1000;
    return { status: 200, body: {} };
  }
}

function error(status: number, type: string, queryCode: string, message: string): Answer {
  return { status, body: { __type: `com.amazonaws.sqs#${type}`, message }, queryError: `${queryCode};Sender` };
}

const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('hex');

/** SQS's MD5 of message attributes: per name in order, length-prefixed name, data type, transport type 1 (string), value. */
function md5OfStringAttributes(attributes: Record<string, { StringValue: string; DataType: string }>): string {
  const lengthPrefixed = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const parts = Object.keys(attributes)
    .sort()
    .flatMap((name) => {
      const { StringValue: value, DataType: dataType } = attributes[name] as { StringValue: string; DataType: string };
      return [lengthPrefixed(name), lengthPrefixed(dataType), Buffer.from([1]), lengthPrefixed(value)];
    });
  return md5(Buffer.concat(parts));
}
