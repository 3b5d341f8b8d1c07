import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { ChangeMessageVisibilityBatchCommand, DeleteMessageCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { runOptionsOf, type DirectInvocation } from '../../shared/aws/direct-invocation';
import type { FailedDelivery } from '../../shared/bus/failed-delivery';
import type { DomainEvent } from '../../shared/events/catalogue';
import { validateEvent } from '../../shared/events/validate-event';
import { runIdFor, type RunOptions, type RunRecord } from '../../shared/runs/run';
import { OperationError } from './operation-error';
import type { Operations, RedriveOutcome } from './operations';

export interface StackOperationsOptions {
  lambda: LambdaClient;
  sqs: SQSClient;
  /** Each automation's function name (the stack's AutomationFunctions output). */
  functions: Readonly<Record<string, string>>;
  /** Each automation's dead-letter queue URL (the stack's DeadLetterQueues output). */
  deadLetterQueues: Readonly<Record<string, string>>;
  /** The dead-letter queue of the timers Scheduler could not deliver (TimersDeadLetterQueue; older stacks have none). */
  timersDeadLetterQueue?: string | undefined;
}

/** The id prefix of the timers' dead-letter queue: `timers/<message id>` (no automation has this name). */
export const TIMERS_QUEUE = 'timers';

/** How long a message stays hidden from other readers of its queue while `deliveries list` reads past it. */
const LOOK_VISIBILITY_SECONDS = 60;
/** How long a message being redriven stays hidden from other readers of its queue. */
const REDRIVE_VISIBILITY_SECONDS = 120;
/**
 * Long polling: SQS then asks all its servers, so an empty answer means nothing is left to read (a short
 * poll asks only some, and may answer nothing while a few messages wait). An empty queue costs this wait.
 */
const WAIT_SECONDS = 1;
/** The most SQS hands out per ReceiveMessage, and takes per batch. */
const BATCH = 10;

/**
 * Operations on a deployed stack, with the admin's own AWS credentials. A replay or a redrive invokes the
 * automation's function asynchronously with the event, as its EventBridge rule would (a replay naming
 * the new run); only that automation runs, where a re-put on the bus would reach every subscriber again.
 * Failed deliveries are the messages of the automations' SQS dead-letter queues: EventBridge's (the event
 * itself, with the error in message attributes) and Lambda's on-failure destination (the invocation
 * record). A queue can only be read through by hiding what was read (SQS has no paging), so each
 * operation hides the messages it reads past and puts them back when done. A redrive keeps its message
 * hidden while it works and deletes it once the function has it, so two redrives of one message invoke once.
 */
export class StackOperations implements Operations {
  constructor(private readonly options: StackOperationsOptions) {}

  async replay(run: RunRecord, replayRunId: string): Promise<void> {
    await this.invoke(run.automation, run.event, { runId: replayRunId, replayOf: run.runId });
  }

  async failedDeliveries(limit: number): Promise<FailedDelivery[]> {
    const perQueue = await Promise.all(
      Object.entries(this.queues()).map(async ([queue, queueUrl]) => {
        const messages = await this.readThrough(queueUrl, LOOK_VISIBILITY_SECONDS, (read) => read.length >= limit);
        await this.putBack(queueUrl, messages);
        return messages.flatMap((message) => deadLetterOf(queue, message)?.failure ?? []);
      }),
    );
    return perQueue
      .flat()
      .sort((a, b) => (a.failedAt < b.failedAt ? 1 : -1))
      .slice(0, limit);
  }

  async redrive(id: string): Promise<RedriveOutcome> {
    const [queue, messageId] = id.split('/', 2);
    const queueUrl = queue === undefined ? undefined : this.queues()[queue];
    if (queue === undefined || messageId === undefined || messageId === '' || queueUrl === undefined) {
      const known = Object.keys(this.options.deadLetterQueues).join(', ');
      throw new OperationError(`"${id}" is not a failed delivery of this stack (ids are <automation>/<message id>, or ${TIMERS_QUEUE}/<message id> for a timer; its automations: ${known}); \`switchboard deliveries list\` shows them`);
    }
    const messages = await this.readThrough(queueUrl, REDRIVE_VISIBILITY_SECONDS, (read) => read.some((message) => message.MessageId === messageId));
    const found = messages.find((message) => message.MessageId === messageId);
    let deleted = false;
    try {
      if (found === undefined) return 'gone';
      const deadLetter = deadLetterOf(queue, found);
      if (deadLetter === undefined) throw new OperationError(`message ${messageId} of the ${queue} dead-letter queue holds no Switchboard event`);
      // A failed replay is redriven as that replay: the same run, tried again; a timer goes to the automation that set it.
      await this.invoke(deadLetter.failure.automation, deadLetter.failure.event, deadLetter.options);
      // Invoked, then deleted: should the delete fail, the message comes back and a later redrive is the same run again.
      await this.options.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: found.ReceiptHandle }));
      deleted = true;
      return 'redriven';
    } finally {
      await this.putBack(queueUrl, messages.filter((message) => !(deleted && message === found)));
    }
  }

  /** The queues failed deliveries are in, by the first part of their ids: each automation's, and the timers'. */
  private queues(): Readonly<Record<string, string>> {
    const timers = this.options.timersDeadLetterQueue;
    return timers === undefined ? this.options.deadLetterQueues : { ...this.options.deadLetterQueues, [TIMERS_QUEUE]: timers };
  }

  /**
   * Reads the queue's messages, hiding each for `visibilitySeconds` so that the next read gets others, until
   * `enough` says so or nothing is left to read.
   */
  private async readThrough(queueUrl: string, visibilitySeconds: number, enough: (read: readonly Message[]) => boolean): Promise<Message[]> {
    const read = new Map<string, Message>();
    try {
      while (!enough([...read.values()])) {
        const { Messages: messages = [] } = await this.options.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: BATCH,
            VisibilityTimeout: visibilitySeconds,
            WaitTimeSeconds: WAIT_SECONDS,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
          }),
        );
        const fresh = messages.filter((message) => message.MessageId !== undefined && !read.has(message.MessageId));
        // Nothing new: the queue is read through (or a message read first came back after its timeout).
        if (fresh.length === 0) break;
        for (const message of fresh) read.set(message.MessageId as string, message);
      }
    } catch (error) {
      await this.putBack(queueUrl, [...read.values()]);
      throw error;
    }
    return [...read.values()];
  }

  /**
   * Makes messages this CLI hid visible again at once. Best effort: one not put back becomes visible by
   * itself when its visibility timeout ends, so a failure here is not worth hiding the operation's outcome.
   */
  private async putBack(queueUrl: string, messages: readonly Message[]): Promise<void> {
    for (let start = 0; start < messages.length; start += BATCH) {
      const entries = messages.slice(start, start + BATCH).map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
      await this.options.sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries: entries })).catch(() => undefined);
    }
  }

  private async invoke(automation: string, event: DomainEvent, options: RunOptions): Promise<void> {
    const functionName = this.options.functions[automation];
    if (functionName === undefined) throw new OperationError(`the stack has no function for ${automation}; was it deployed with this version of Switchboard?`);
    const payload: DirectInvocation = { 'detail-type': event.detailType, detail: event.detail, source: 'switchboard', ...(Object.keys(options).length === 0 ? {} : { switchboard: options }) };
    const answer = await this.options.lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(payload)) }));
    if (answer.StatusCode !== 202) throw new Error(`Lambda did not accept the invocation of ${functionName} (status ${answer.StatusCode})`);
  }
}

/**
 * A dead-letter message as a failed delivery: EventBridge's carries the event, with ERROR_CODE,
 * ERROR_MESSAGE and RETRY_ATTEMPTS attributes; Lambda's on-failure destination carries the invocation
 * record (the payload, the error it answered, how often it was invoked); EventBridge Scheduler's, in the
 * timers' queue, the schedule's input (a `timer.fired` detail) with the same attributes. Undefined for a
 * message that holds no Switchboard event.
 */
export function failureOf(queue: string, message: Message): FailedDelivery | undefined {
  return deadLetterOf(queue, message)?.failure;
}

/** The failed delivery, and how its payload asked to be run (a replay names its run). */
function deadLetterOf(queue: string, message: Message): { failure: FailedDelivery; options: RunOptions } | undefined {
  if (queue === TIMERS_QUEUE) return timerDeadLetterOf(message);
  const automation = queue;
  let body: unknown;
  try {
    body = JSON.parse(message.Body ?? '');
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const failedAt = sentAtOf(message);
  const record = fields['requestPayload'] === undefined ? undefined : fields;
  const payload = (record?.['requestPayload'] ?? fields) as { 'detail-type'?: unknown; detail?: unknown };
  if (typeof payload !== 'object' || payload === null) return undefined;
  let event: DomainEvent;
  try {
    event = validateEvent(String(payload['detail-type']), payload.detail);
  } catch {
    return undefined;
  }
  const attribute = (name: string) => attributeOf(message, name);
  const responsePayload = record?.['responsePayload'] as { errorMessage?: string; errorType?: string } | null | undefined;
  const context = record?.['requestContext'] as { condition?: string; approximateInvokeCount?: number } | undefined;
  const error = responsePayload?.errorMessage ?? context?.condition ?? [attribute('ERROR_CODE'), attribute('ERROR_MESSAGE')].filter(Boolean).join(': ');
  const attempts = context?.approximateInvokeCount ?? Number(attribute('RETRY_ATTEMPTS') ?? 0) + 1;
  const timestamp = record?.['timestamp'];
  const recordedAt = typeof timestamp === 'string' && !Number.isNaN(Date.parse(timestamp)) ? new Date(timestamp).toISOString() : undefined;
  const options = runOptionsOf(payload);
  return {
    failure: {
      id: `${automation}/${message.MessageId}`,
      automation,
      runId: options.runId ?? runIdFor(automation, event.detail.eventId),
      ...(options.replayOf === undefined ? {} : { replayOf: options.replayOf }),
      event,
      error: error || 'unknown',
      attempts,
      failedAt: recordedAt ?? failedAt,
    },
    options,
  };
}

/** A timer Scheduler could not put on the bus: its `timer.fired` detail, for the automation that set it. */
function timerDeadLetterOf(message: Message): { failure: FailedDelivery; options: RunOptions } | undefined {
  let event: DomainEvent;
  try {
    event = validateEvent('timer.fired', JSON.parse(message.Body ?? ''));
  } catch {
    return undefined;
  }
  if (event.detailType !== 'timer.fired') return undefined;
  const attribute = (name: string) => attributeOf(message, name);
  const automation = event.detail.automation;
  return {
    failure: {
      id: `${TIMERS_QUEUE}/${message.MessageId}`,
      automation,
      runId: runIdFor(automation, event.detail.eventId),
      event,
      error: [attribute('ERROR_CODE'), attribute('ERROR_MESSAGE')].filter(Boolean).join(': ') || 'EventBridge Scheduler could not deliver the timer',
      attempts: Number(attribute('RETRY_ATTEMPTS') ?? 0) + 1,
      failedAt: sentAtOf(message),
    },
    options: {},
  };
}

/** A message attribute's text (EventBridge's and Scheduler's ERROR_CODE, ERROR_MESSAGE, RETRY_ATTEMPTS). */
function attributeOf(message: Message, name: string): string | undefined {
  return message.MessageAttributes?.[name]?.StringValue;
}

/** When the message reached its dead-letter queue (SQS's SentTimestamp), as an ISO instant. */
function sentAtOf(message: Message): string {
  const sentAt = message.Attributes?.['SentTimestamp'];
  return new Date(sentAt === undefined ? 0 : Number(sentAt)).toISOString();
}
