import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { DirectInvocation } from '../../shared/aws/direct-invocation';
import type { FailedDelivery } from '../../shared/bus/failed-delivery';
import type { DomainEvent } from '../../shared/events/catalogue';
import { validateEvent } from '../../shared/events/validate-event';
import type { RunOptions, RunRecord } from '../../shared/runs/run';
import { OperationError } from './operation-error';
import type { Operations, RedriveOutcome } from './operations';

export interface StackOperationsOptions {
  lambda: LambdaClient;
  sqs: SQSClient;
  /** Each automation's function name (the stack's AutomationFunctions output). */
  functions: Readonly<Record<string, string>>;
  /** Each automation's dead-letter queue URL (the stack's DeadLetterQueues output). */
  deadLetterQueues: Readonly<Record<string, string>>;
}

/** How long a message being redriven stays hidden from other readers of its queue. */
const REDRIVE_VISIBILITY_SECONDS = 120;

/**
 * Operations on a deployed stack, with the admin's own AWS credentials. A replay or a redrive invokes the
 * automation's function asynchronously with the event, as its EventBridge rule would (a replay naming
 * the new run); only that automation runs, where a re-put on the bus would reach every subscriber again.
 * Failed deliveries are the messages of the automations' SQS dead-letter queues: EventBridge's (the event
 * itself, with the error in message attributes) and Lambda's on-failure destination (the invocation
 * record). A redrive hides the message while it works and deletes it once the function has it, so two
 * redrives of one message invoke once.
 */
export class StackOperations implements Operations {
  constructor(private readonly options: StackOperationsOptions) {}

  async replay(run: RunRecord, replayRunId: string): Promise<void> {
    await this.invoke(run.automation, run.event, { runId: replayRunId, replayOf: run.runId });
  }

  async failedDeliveries(limit: number): Promise<FailedDelivery[]> {
    const failures: FailedDelivery[] = [];
    for (const [automation, queueUrl] of Object.entries(this.options.deadLetterQueues)) {
      // VisibilityTimeout 0: a look that leaves every message where it is.
      const { Messages: messages = [] } = await this.options.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
      );
      for (const message of messages) {
        const failure = failureOf(automation, message);
        if (failure !== undefined) failures.push(failure);
      }
    }
    return failures.sort((a, b) => (a.failedAt < b.failedAt ? 1 : -1)).slice(0, limit);
  }

  async redrive(id: string): Promise<RedriveOutcome> {
    const [automation, messageId] = id.split('/', 2);
    const queueUrl = automation === undefined ? undefined : this.options.deadLetterQueues[automation];
    if (automation === undefined || messageId === undefined || queueUrl === undefined) {
      throw new OperationError(`"${id}" is not a failed delivery of this stack; its ids look like after-hours/<message id> (\`switchboard deliveries list\`)`);
    }
    // SQS hands out messages in no order: look a few times, putting back the ones that are not it.
    for (let look = 0; look < 10; look += 1) {
      const { Messages: messages = [] } = await this.options.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: REDRIVE_VISIBILITY_SECONDS, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
      );
      if (messages.length === 0) return 'gone';
      let found: Message | undefined;
      for (const message of messages) {
        if (message.MessageId === messageId) found = message;
        else await this.options.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }));
      }
      if (found === undefined) continue;
      const failure = failureOf(automation, found);
      if (failure === undefined) throw new OperationError(`message ${messageId} of ${automation}'s dead-letter queue holds no Switchboard event`);
      await this.invoke(automation, failure.event, {});
      await this.options.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: found.ReceiptHandle }));
      return 'redriven';
    }
    return 'gone';
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
 * A dead-letter message as a failed delivery: EventBridge's carries the event, with ERROR_CODE and
 * ERROR_MESSAGE attributes; Lambda's on-failure destination carries the invocation record.
 */
export function failureOf(automation: string, message: Message): FailedDelivery | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(message.Body ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const sentAt = message.Attributes?.['SentTimestamp'];
  const failedAt = sentAt === undefined ? new Date(0).toISOString() : new Date(Number(sentAt)).toISOString();
  const record = body['requestPayload'] === undefined ? undefined : body;
  const eventJson = (record?.['requestPayload'] ?? body) as { 'detail-type'?: unknown; detail?: unknown };
  let event: DomainEvent;
  try {
    event = validateEvent(String(eventJson['detail-type']), eventJson.detail);
  } catch {
    return undefined;
  }
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue;
  const responsePayload = record?.['responsePayload'] as { errorMessage?: string; errorType?: string } | undefined;
  const context = record?.['requestContext'] as { condition?: string; approximateInvokeCount?: number } | undefined;
  const error = responsePayload?.errorMessage ?? context?.condition ?? [attribute('ERROR_CODE'), attribute('ERROR_MESSAGE')].filter(Boolean).join(': ');
  const attempts = context?.approximateInvokeCount ?? (Number(attribute('RETRY_ATTEMPTS') ?? 0) + 1);
  return { id: `${automation}/${message.MessageId}`, automation, event, error: error || 'unknown', attempts, failedAt: (record?.['timestamp'] as string | undefined) ?? failedAt };
}
