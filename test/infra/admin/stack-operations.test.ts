import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OperationError } from '../../../infra/admin/operation-error';
import { StackOperations } from '../../../infra/admin/stack-operations';
import type { RunRecord } from '../../../shared/runs/run';
import { timerFiredEvent } from '../../../shared/timers/timer-fired-event';
import { eventBridgeDeadLetter, eventBridgeEnvelope, lambdaFailureRecord, schedulerDeadLetter } from '../../support/dead-letter-messages';
import { FakeLambdaApi } from '../../support/fake-lambda-api';
import { FakeSqsApi } from '../../support/fake-sqs-api';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';

const FUNCTIONS = { 'after-hours': 'Switchboard-afterhoursHandlerFunction17B1-AbCdEf123456', paging: 'Switchboard-pagingHandlerFunction495D-GhIjKl789012' };
/** Test credentials in a test region: the SDK signs its requests as it would for AWS. */
const CLIENT_CONFIG = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } };

const customerMessage = sampleSlackMessageEvent({ eventId: 'Ev0FAILED01' });
const escalation = timerFiredEvent({ id: 'paging-escalate:INC-7', automation: 'paging', kind: 'escalate', subject: 'INC-7', dueAt: new Date('2026-11-23T04:10:00Z') });

describe('StackOperations against SQS dead-letter queues and Lambda, through the AWS SDK clients', () => {
  const clock = new ManualClock('2026-11-23T05:00:00Z');
  let sqs: FakeSqsApi;
  let lambda: FakeLambdaApi;
  let operations: StackOperations;
  let queues: { 'after-hours': string; paging: string };
  let timersQueue: string;

  beforeAll(async () => {
    [sqs, lambda] = await Promise.all([FakeSqsApi.start({ now: () => clock.now() }), FakeLambdaApi.start(Object.values(FUNCTIONS))]);
  });
  afterAll(async () => {
    await Promise.all([sqs?.close(), lambda?.close()]);
  });
  beforeEach(() => {
    // Fresh queues per test, and fresh records of what the fakes received.
    const suffix = Math.random().toString(36).slice(2, 10);
    queues = { 'after-hours': sqs.createQueue(`Switchboard-afterhoursDeadLettersQueue-${suffix}`), paging: sqs.createQueue(`Switchboard-pagingDeadLettersQueue-${suffix}`) };
    timersQueue = sqs.createQueue(`Switchboard-TimersDeadLettersQueue-${suffix}`);
    sqs.calls.length = 0;
    sqs.receiveAtMost = 10;
    lambda.invocations.length = 0;
    operations = new StackOperations({
      sqs: new SQSClient({ ...CLIENT_CONFIG, endpoint: sqs.endpoint }),
      lambda: new LambdaClient({ ...CLIENT_CONFIG, endpoint: lambda.endpoint }),
      functions: FUNCTIONS,
      deadLetterQueues: queues,
      timersDeadLetterQueue: timersQueue,
    });
  });

  describe('timers EventBridge Scheduler could not deliver', () => {
    it('lists a timer of the timers queue as a failed delivery of the automation that set it', async () => {
      const messageId = sqs.put(timersQueue, schedulerDeadLetter(escalation.detail, { retryAttempts: 185, sentAt: new Date('2026-11-23T04:40:00Z') }));

      const failures = await operations.failedDeliveries(50);

      expect(failures).toEqual([
        {
          id: `timers/${messageId}`,
          automation: 'paging',
          runId: `paging:${escalation.detail.eventId}`,
          event: escalation,
          error: 'AccessDeniedException: User is not authorized to perform: events:PutEvents on resource: switchboard',
          attempts: 186,
          failedAt: '2026-11-23T04:40:00.000Z',
        },
      ]);
    });

    it("redrives a timer to the function of the automation that set it, as its rule would, then deletes the message", async () => {
      const messageId = sqs.put(timersQueue, schedulerDeadLetter(escalation.detail));

      const outcome = await operations.redrive(`timers/${messageId}`);

      expect(outcome).toBe('redriven');
      expect(lambda.invocations).toEqual([{ functionName: FUNCTIONS.paging, invocationType: 'Event', status: 202, payload: { 'detail-type': 'timer.fired', detail: escalation.detail, source: 'switchboard' } }]);
      expect(sqs.messageIds(timersQueue)).toEqual([]);
    });

    it('refuses to redrive a message of the timers queue that holds no timer, and keeps it', async () => {
      const messageId = sqs.put(timersQueue, { body: '{"not":"a timer"}', attributes: {} });

      await expect(operations.redrive(`timers/${messageId}`)).rejects.toThrow(`message ${messageId} of the timers dead-letter queue holds no Switchboard event`);
      expect(lambda.invocations).toEqual([]);
      expect(sqs.messageIds(timersQueue)).toEqual([messageId]);
    });
  });

  describe('failedDeliveries', () => {
    it("lists EventBridge's dead-letter message with its error code and message, and its attempts", async () => {
      const messageId = sqs.put(
        queues['after-hours'],
        eventBridgeDeadLetter(customerMessage, { errorCode: 'Lambda.TooManyRequestsException', errorMessage: 'Rate Exceeded.', retryAttempts: 2, sentAt: new Date('2026-11-23T04:05:00Z') }),
      );

      const failures = await operations.failedDeliveries(50);

      expect(failures).toEqual([
        {
          id: `after-hours/${messageId}`,
          automation: 'after-hours',
          runId: 'after-hours:Ev0FAILED01',
          event: customerMessage,
          error: 'Lambda.TooManyRequestsException: Rate Exceeded.',
          attempts: 3,
          failedAt: '2026-11-23T04:05:00.000Z',
        },
      ]);
    });

    it("lists Lambda's on-failure record with the error the function answered, how often it was invoked and when it failed", async () => {
      const messageId = sqs.put(
        queues['after-hours'],
        lambdaFailureRecord(eventBridgeEnvelope(customerMessage), { errorMessage: 'slack chat.postMessage failed: channel_not_found', approximateInvokeCount: 3, timestamp: '2026-11-23T04:03:12.345Z' }),
      );

      const failures = await operations.failedDeliveries(50);

      expect(failures).toEqual([
        {
          id: `after-hours/${messageId}`,
          automation: 'after-hours',
          runId: 'after-hours:Ev0FAILED01',
          event: customerMessage,
          error: 'slack chat.postMessage failed: channel_not_found',
          attempts: 3,
          failedAt: '2026-11-23T04:03:12.345Z',
        },
      ]);
    });

    it('names the run that failed: a failed replay is listed as that replay, with the run it replays', async () => {
      const replayPayload = { ...eventBridgeEnvelope(customerMessage), switchboard: { runId: 'after-hours:Ev0FAILED01#replay-2', replayOf: 'after-hours:Ev0FAILED01#replay-1' } };
      sqs.put(queues['after-hours'], lambdaFailureRecord(replayPayload));

      const [failure] = await operations.failedDeliveries(50);

      expect(failure).toMatchObject({ runId: 'after-hours:Ev0FAILED01#replay-2', replayOf: 'after-hours:Ev0FAILED01#replay-1' });
    });

    it('ignores messages that hold no Switchboard event, and leaves them where they are', async () => {
      const notJson = sqs.put(queues['after-hours'], { body: 'hello' });
      const unknownType = sqs.put(queues['after-hours'], { body: JSON.stringify({ ...eventBridgeEnvelope(customerMessage), 'detail-type': 'Scheduled Event' }) });
      const badDetail = sqs.put(queues['after-hours'], lambdaFailureRecord({ 'detail-type': 'slack.message.posted', detail: { channel: 42 } }));
      const good = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage));

      const failures = await operations.failedDeliveries(50);

      expect(failures.map((failure) => failure.id)).toEqual([`after-hours/${good}`]);
      expect(sqs.visibleMessageIds(queues['after-hours']).sort()).toEqual([notJson, unknownType, badDetail, good].sort());
    });

    it("lists every automation's queue, newest first, at most `limit`", async () => {
      const oldest = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage, { sentAt: new Date('2026-11-23T04:01:00Z') }));
      const newest = sqs.put(queues.paging, lambdaFailureRecord(eventBridgeEnvelope(escalation), { timestamp: '2026-11-23T04:20:00.000Z', automation: 'paging' }));
      const middle = sqs.put(queues['after-hours'], eventBridgeDeadLetter(sampleSlackMessageEvent({ eventId: 'Ev0FAILED02' }), { sentAt: new Date('2026-11-23T04:10:00Z') }));

      expect((await operations.failedDeliveries(50)).map((failure) => failure.id)).toEqual([`paging/${newest}`, `after-hours/${middle}`, `after-hours/${oldest}`]);
      expect((await operations.failedDeliveries(2)).map((failure) => failure.id)).toEqual([`paging/${newest}`, `after-hours/${middle}`]);
    });

    it('reads a queue through when SQS hands out fewer messages than asked, and puts every message back', async () => {
      sqs.receiveAtMost = 1;
      const ids = [1, 2, 3].map((n) => sqs.put(queues['after-hours'], eventBridgeDeadLetter(sampleSlackMessageEvent({ eventId: `Ev0FAILED0${n}` }))));

      const failures = await operations.failedDeliveries(50);

      expect(failures.map((failure) => failure.id).sort()).toEqual(ids.map((id) => `after-hours/${id}`).sort());
      expect(sqs.visibleMessageIds(queues['after-hours']).sort()).toEqual([...ids].sort());
    });

    it('says nothing failed when the queues are empty', async () => {
      expect(await operations.failedDeliveries(50)).toEqual([]);
    });
  });

  describe('redrive', () => {
    it("invokes the automation's function once, asynchronously, with the event, then deletes the message", async () => {
      const messageId = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage));

      const outcome = await operations.redrive(`after-hours/${messageId}`);

      expect(outcome).toBe('redriven');
      expect(lambda.invocations).toEqual([
        { functionName: FUNCTIONS['after-hours'], invocationType: 'Event', status: 202, payload: { 'detail-type': 'slack.message.posted', detail: customerMessage.detail, source: 'switchboard' } },
      ]);
      expect(sqs.messageIds(queues['after-hours'])).toEqual([]);
      expect(sqs.callsOf('DeleteMessage')).toHaveLength(1);
    });

    it('answers gone to a second redrive of the same id, and invokes nothing', async () => {
      const messageId = sqs.put(queues['after-hours'], lambdaFailureRecord(eventBridgeEnvelope(customerMessage)));
      await operations.redrive(`after-hours/${messageId}`);

      const second = await operations.redrive(`after-hours/${messageId}`);

      expect(second).toBe('gone');
      expect(lambda.invocations).toHaveLength(1);
    });

    it('invokes once when two redrives of one message run at once', async () => {
      const messageId = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage));

      const outcomes = await Promise.all([operations.redrive(`after-hours/${messageId}`), operations.redrive(`after-hours/${messageId}`)]);

      expect(outcomes.sort()).toEqual(['gone', 'redriven']);
      expect(lambda.invocations).toHaveLength(1);
    });

    it('finds its message past the others and puts the others back, visible again', async () => {
      sqs.receiveAtMost = 1;
      const others = [1, 2].map((n) => sqs.put(queues['after-hours'], eventBridgeDeadLetter(sampleSlackMessageEvent({ eventId: `Ev0OTHER0${n}` }))));
      const wanted = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage));
      const after = sqs.put(queues['after-hours'], eventBridgeDeadLetter(sampleSlackMessageEvent({ eventId: 'Ev0OTHER03' })));

      const outcome = await operations.redrive(`after-hours/${wanted}`);

      expect(outcome).toBe('redriven');
      expect(lambda.invocations.map((invocation) => (invocation.payload as { detail: { eventId: string } }).detail.eventId)).toEqual(['Ev0FAILED01']);
      expect(sqs.visibleMessageIds(queues['after-hours']).sort()).toEqual([...others, after].sort());
    });

    it('redrives a failed replay as that replay: the run it names, tried again', async () => {
      const replayPayload = { 'detail-type': customerMessage.detailType, detail: customerMessage.detail, source: 'switchboard', switchboard: { runId: 'after-hours:Ev0FAILED01:replay-1', replayOf: 'after-hours:Ev0FAILED01' } };
      const messageId = sqs.put(queues['after-hours'], lambdaFailureRecord(replayPayload));

      await operations.redrive(`after-hours/${messageId}`);

      expect(lambda.invocations.map((invocation) => invocation.payload)).toEqual([replayPayload]);
    });

    it('refuses an id of an automation the stack has no queue for, naming the ones it has', async () => {
      const refusal = operations.redrive('after-dark/7f0c1e52-6f2b-4c1e-9d7a-0b5a4c3d2e1f');

      await expect(refusal).rejects.toBeInstanceOf(OperationError);
      await expect(refusal).rejects.toThrow('"after-dark/7f0c1e52-6f2b-4c1e-9d7a-0b5a4c3d2e1f" is not a failed delivery of this stack (ids are <automation>/<message id>, or timers/<message id> for a timer; its automations: after-hours, paging');
      expect(sqs.calls).toEqual([]);
    });

    it('refuses an id without a message id', async () => {
      await expect(operations.redrive('after-hours')).rejects.toThrow(/is not a failed delivery of this stack/);
      await expect(operations.redrive('after-hours/')).rejects.toThrow(/is not a failed delivery of this stack/);
    });

    it('refuses a message that holds no Switchboard event, and puts it back', async () => {
      const messageId = sqs.put(queues['after-hours'], { body: JSON.stringify({ hello: 'world' }) });

      await expect(operations.redrive(`after-hours/${messageId}`)).rejects.toThrow(`message ${messageId} of the after-hours dead-letter queue holds no Switchboard event`);

      expect(lambda.invocations).toEqual([]);
      expect(sqs.visibleMessageIds(queues['after-hours'])).toEqual([messageId]);
    });

    it('keeps the message, visible, when Lambda refuses the invocation', async () => {
      const messageId = sqs.put(queues['after-hours'], eventBridgeDeadLetter(customerMessage));
      const unknownFunction = new StackOperations({
        sqs: new SQSClient({ ...CLIENT_CONFIG, endpoint: sqs.endpoint }),
        lambda: new LambdaClient({ ...CLIENT_CONFIG, endpoint: lambda.endpoint }),
        functions: { 'after-hours': 'Switchboard-deletedFunction' },
        deadLetterQueues: queues,
      });

      await expect(unknownFunction.redrive(`after-hours/${messageId}`)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

      expect(sqs.callsOf('DeleteMessage')).toEqual([]);
      expect(sqs.visibleMessageIds(queues['after-hours'])).toEqual([messageId]);
    });
  });

  describe('replay', () => {
    const failedRun: RunRecord = {
      runId: 'after-hours:Ev0FAILED01',
      automation: 'after-hours',
      trigger: { detailType: 'slack.message.posted', eventId: 'Ev0FAILED01', receivedAt: '2026-11-23T04:00:00.000Z' },
      event: customerMessage,
      status: 'failed',
      steps: [],
      startedAt: '2026-11-23T04:00:01.000Z',
      finishedAt: '2026-11-23T04:00:02.000Z',
      durationMs: 1000,
      attempts: 3,
    };

    it("invokes the run's automation with its stored event, naming the new run and the run it replays", async () => {
      await operations.replay(failedRun, 'after-hours:Ev0FAILED01:replay-1');

      expect(lambda.invocations).toEqual([
        {
          functionName: FUNCTIONS['after-hours'],
          invocationType: 'Event',
          status: 202,
          payload: { 'detail-type': 'slack.message.posted', detail: customerMessage.detail, source: 'switchboard', switchboard: { runId: 'after-hours:Ev0FAILED01:replay-1', replayOf: 'after-hours:Ev0FAILED01' } },
        },
      ]);
    });

    it('refuses a run of an automation the stack has no function for', async () => {
      const replay = operations.replay({ ...failedRun, automation: 'retired-automation' }, 'retired-automation:Ev0FAILED01:replay-1');

      await expect(replay).rejects.toBeInstanceOf(OperationError);
      await expect(replay).rejects.toThrow('the stack has no function for retired-automation; was it deployed with this version of Switchboard?');
      expect(lambda.invocations).toEqual([]);
    });
  });
});
