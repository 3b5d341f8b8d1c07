import { randomUUID } from 'node:crypto';
import { EVENT_SOURCE, type DomainEvent } from '../../shared/events/catalogue';
import type { QueuedMessage } from './fake-sqs-api';

/** The event as an EventBridge rule delivers it to its Lambda target: the envelope around the detail. */
export function eventBridgeEnvelope(event: DomainEvent, time = '2026-11-23T04:00:01Z'): Record<string, unknown> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': event.detailType,
    source: EVENT_SOURCE,
    account: '123456789012',
    time,
    region: 'us-east-1',
    resources: [],
    detail: event.detail,
  };
}

/**
 * What EventBridge sends to a rule target's dead-letter queue when it could not deliver an event (EventBridge
 * User Guide, "Using dead-letter queues to process undelivered events"): the event itself as the body, and why
 * in message attributes (ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS, RULE_ARN,
 * TARGET_ARN).
 */
export function eventBridgeDeadLetter(
  event: DomainEvent,
  failure: { errorCode?: string; errorMessage?: string; retryAttempts?: number; sentAt?: Date; automation?: string } = {},
): QueuedMessage {
  const automation = failure.automation ?? 'after-hours';
  return {
    body: JSON.stringify(eventBridgeEnvelope(event)),
    attributes: {
      ERROR_CODE: failure.errorCode ?? 'Lambda.TooManyRequestsException',
      ERROR_MESSAGE: failure.errorMessage ?? 'Rate Exceeded.',
      EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds',
      RETRY_ATTEMPTS: String(failure.retryAttempts ?? 2),
      RULE_ARN: `arn:aws:events:us-east-1:123456789012:rule/switchboard/Switchboard-${automation}Rule0-1A2B3C4D5E6F`,
      TARGET_ARN: `arn:aws:lambda:us-east-1:123456789012:function:Switchboard-${automation}Handler-1A2B3C4D5E6F`,
    },
    ...(failure.sentAt === undefined ? {} : { sentAt: failure.sentAt }),
  };
}

/**
 * What Lambda sends to an on-failure destination when an asynchronous invocation failed for good (Lambda
 * Developer Guide, "Capturing records of asynchronous invocations"): the invocation record, with the payload
 * it was invoked with (`requestPayload`), what the function answered (`responsePayload`: a Node.js handler's
 * error) and how often it was invoked.
 */
export function lambdaFailureRecord(
  requestPayload: unknown,
  failure: { errorMessage?: string; errorType?: string; approximateInvokeCount?: number; timestamp?: string; automation?: string } = {},
): QueuedMessage {
  const automation = failure.automation ?? 'after-hours';
  return {
    body: JSON.stringify({
      version: '1.0',
      timestamp: failure.timestamp ?? '2026-11-23T04:03:12.345Z',
      requestContext: {
        requestId: randomUUID(),
        functionArn: `arn:aws:lambda:us-east-1:123456789012:function:Switchboard-${automation}Handler-1A2B3C4D5E6F:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: failure.approximateInvokeCount ?? 3,
      },
      requestPayload,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: {
        errorType: failure.errorType ?? 'ProviderError',
        errorMessage: failure.errorMessage ?? 'slack chat.postMessage failed: HTTP 500',
        trace: ['ProviderError: slack chat.postMessage failed: HTTP 500', '    at LiveSlack.post (/var/task/index.mjs:1:2345)'],
      },
    }),
  };
}

/**
 * What EventBridge Scheduler sends to a schedule's dead-letter queue once its retries are spent
 * (EventBridge Scheduler User Guide, "Configuring a schedule's dead-letter queue"): the target's input as
 * the body (for a timer, the `timer.fired` detail) and why in message attributes (ERROR_CODE,
 * ERROR_MESSAGE, EXECUTION_ID, RETRY_ATTEMPTS, SCHEDULE_ARN, TARGET_ARN).
 */
export function schedulerDeadLetter(detail: unknown, failure: { errorCode?: string; errorMessage?: string; retryAttempts?: number; sentAt?: Date } = {}): QueuedMessage {
  return {
    body: JSON.stringify(detail),
    attributes: {
      ERROR_CODE: failure.errorCode ?? 'AccessDeniedException',
      ERROR_MESSAGE: failure.errorMessage ?? 'User is not authorized to perform: events:PutEvents on resource: switchboard',
      EXECUTION_ID: randomUUID(),
      RETRY_ATTEMPTS: String(failure.retryAttempts ?? 185),
      SCHEDULE_ARN: 'arn:aws:scheduler:us-east-1:123456789012:schedule/switchboard-timers/paging-escalate-INC-7',
      TARGET_ARN: 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard',
    },
    ...(failure.sentAt === undefined ? {} : { sentAt: failure.sentAt }),
  };
}
