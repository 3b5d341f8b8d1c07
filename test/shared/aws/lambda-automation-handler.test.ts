import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { afterHours } from '../../../functions/after-hours/automation';
import { encodeButtonValue, ESCALATION_ACTIONS } from '../../../functions/after-hours/escalation-button';
import { ContendedRunError } from '../../../shared/automation/run-automation';
import { lambdaAutomationHandler } from '../../../shared/aws/lambda-automation-handler';
import { systemClock } from '../../../shared/clock/clock';
import { ConfigStore } from '../../../shared/config/config-store';
import { parseConfig } from '../../../shared/config/parse-config';
import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { RunStore } from '../../../shared/runs/run-store';
import { createDocumentClient } from '../../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../../shared/store/dynamodb-table';
import { ensureTable } from '../../../shared/store/ensure-table';
import { eventBridgeEnvelope } from '../../support/dead-letter-messages';
import { FakeEventBridgeApi } from '../../support/fake-eventbridge-api';
import { FakeSecretsManagerApi } from '../../support/fake-secrets-manager-api';
import { FakeSlackApi } from '../../support/fake-slack-api';
import { captureLogs, type LogCapture } from '../../support/log-capture';
import { CUSTOMER, CUSTOMER_CHANNEL } from '../../support/slack-requests';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:SwitchboardCredentials-AbC123';
const FUNCTION_TIMEOUT_MS = 30_000;
const THREAD_TS = '1795406400.000200';

/** A click of the customer on the P0 button of the notice `noticeTs` in their thread. */
function p0Click(eventId: string, noticeTs: string): EventOf<'slack.button.clicked'> {
  return createEvent('slack.button.clicked', {
    eventId,
    receivedAt: '2026-11-23T04:00:05.000Z',
    provider: 'slack',
    automation: 'after-hours',
    actionId: ESCALATION_ACTIONS.P0,
    value: encodeButtonValue({ sender: CUSTOMER, messageTs: THREAD_TS, threadTs: THREAD_TS, excerpt: 'Production is down' }),
    user: CUSTOMER,
    channel: CUSTOMER_CHANNEL,
    messageTs: noticeTs,
    threadTs: THREAD_TS,
  });
}

/** The click as its EventBridge rule delivers it to the function. */
function delivered(click: EventOf<'slack.button.clicked'>): EventBridgeEvent<string, unknown> {
  return eventBridgeEnvelope(click) as unknown as EventBridgeEvent<string, unknown>;
}

/** Lambda's context object as the Node.js runtime passes it; its time runs on the test's sleeps. */
function lambdaContext(remainingMs: () => number): Context {
  const legacy = () => {
    throw new Error('an async handler does not call the legacy callbacks');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'Switchboard-AutomationafterhoursHandler-1A2B3C4D5E6F',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Switchboard-AutomationafterhoursHandler-1A2B3C4D5E6F',
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/Switchboard-AutomationafterhoursHandler-1A2B3C4D5E6F',
    logStreamName: `2026/11/23/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: remainingMs,
    done: legacy,
    fail: legacy,
    succeed: legacy,
  };
}

/** Sleeps that end when the test wakes them; the invocation's clock moves by each sleep. */
function gatedSleeps(options: { wakeAtOnce?: boolean } = {}) {
  const asked: { ms: number; wake: () => void }[] = [];
  let elapsedMs = 0;
  let notify: (() => void) | undefined;
  return {
    asked,
    elapsedMs: () => elapsedMs,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        elapsedMs += ms;
        asked.push({ ms, wake });
        notify?.();
        if (options.wakeAtOnce === true) wake();
      }),
    /** The n-th sleep (from 1) once the handler asks for it; fails if `invocation` settles first. */
    async nth(n: number, invocation: Promise<unknown>): Promise<{ ms: number; wake: () => void }> {
      const settled = invocation.then(
        () => Promise.reject(new Error(`the invocation resolved before sleep ${n}`)),
        (error: unknown) => Promise.reject(new Error(`the invocation rejected before sleep ${n}`, { cause: error })),
      );
      settled.catch(() => undefined);
      while (asked.length < n) await Promise.race([new Promise<void>((resolve) => (notify = resolve)), settled]);
      return asked[n - 1]!;
    },
  };
}

/**
 * The Lambda entry of an automation, as Lambda runs it: the platform built from the function's environment
 * (the table on the embedded DynamoDB, the credentials secret, EventBridge and Slack on fakes on 127.0.0.1),
 * an EventBridge event and a context object.
 */
describe('the Lambda handler of an automation', () => {
  let slack: FakeSlackApi;
  let eventBridge: FakeEventBridgeApi;
  let secretsManager: FakeSecretsManagerApi;
  let runs: RunStore;
  let capture: LogCapture;
  let pending: Promise<unknown>[] = [];
  let notices = 0;
  /** Each test clicks on a notice of its own. */
  let noticeTs: string;

  beforeAll(async () => {
    [slack, eventBridge, secretsManager] = await Promise.all([FakeSlackApi.start(), FakeEventBridgeApi.start(), FakeSecretsManagerApi.start()]);
    secretsManager.put(SECRET_ARN, JSON.stringify({ SLACK_BOT_TOKEN: slack.token }));
    const tableName = `switchboard-lambda-${randomUUID()}`;
    const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    await ensureTable(documents, tableName);
    const table = new DynamoDbTable(documents, tableName, systemClock);
    await new ConfigStore(table, systemClock, { cacheMs: 0 }).apply(parseConfig(await readFile('switchboard.config.example.yaml', 'utf8'), 'switchboard.config.example.yaml'), { source: 'test' });
    runs = new RunStore(table, systemClock);

    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      // Any service without a fake of its own gets a port nobody listens on.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.endpoint,
      TABLE_NAME: tableName,
      EVENT_BUS_NAME: 'switchboard',
      SECRET_ARN,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'INFO',
    };
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([slack.close(), eventBridge.close(), secretsManager.close()]);
  });
  beforeEach(() => {
    slack.reset();
    eventBridge.events.length = 0;
    notices += 1;
    noticeTs = `1795406401.${String(notices).padStart(6, '0')}`;
    capture = captureLogs();
  });
  afterEach(async () => {
    eventBridge.release();
    await Promise.allSettled(pending);
    pending = [];
    capture.restore();
  });

  const linesAt = (level: string) => capture.lines().filter((line) => line['level'] === level);

  /** Two Lambda containers, each with its own platform, as two concurrent invocations get. */
  function containers(sleep: (ms: number) => Promise<void>) {
    return [lambdaAutomationHandler(afterHours, {}, { sleep }), lambdaAutomationHandler(afterHours, {}, { sleep })] as const;
  }

  it('waits out a double click in-process: resolves, logs no error, and the emergency is requested once', async () => {
    const sleeps = gatedSleeps();
    const [first, second] = containers(sleeps.sleep);
    const clock = () => FUNCTION_TIMEOUT_MS - sleeps.elapsedMs();
    const [one, two] = [p0Click('Ev0CLICK0001', noticeTs), p0Click('Ev0CLICK0002', noticeTs)];

    // The first click is publishing the emergency (EventBridge has not answered yet) when the second comes.
    eventBridge.hold();
    const firstClick = first(delivered(one), lambdaContext(clock));
    pending.push(firstClick);
    await eventBridge.held(1);
    const secondClick = second(delivered(two), lambdaContext(clock));
    pending.push(secondClick);

    (await sleeps.nth(1, secondClick)).wake(); // still publishing: contention again
    const secondWait = await sleeps.nth(2, secondClick);
    eventBridge.release();
    await firstClick;
    secondWait.wake();
    await secondClick;

    expect(eventBridge.eventsOf('slack.emergency.requested')).toHaveLength(1);
    expect(slack.succeeded('chat.update')).toHaveLength(1);
    expect(String(slack.succeeded('chat.postEphemeral')[0]?.args['text'])).toContain('already');
    expect(sleeps.asked.map((sleep) => sleep.ms)).toEqual([250, 500]);
    expect(await runs.get('after-hours:Ev0CLICK0002')).toMatchObject({ status: 'succeeded', attempts: 3 });
    const waits = capture.lines().filter((line) => line['message'] === 'run contended: waiting for the other attempt, then trying again');
    expect(waits.map((line) => [line['level'], line['waitMs'], line['runId']])).toEqual([
      ['INFO', 250, 'after-hours:Ev0CLICK0002'],
      ['INFO', 500, 'after-hours:Ev0CLICK0002'],
    ]);
    expect(linesAt('ERROR')).toEqual([]);
    expect(linesAt('WARN')).toEqual([]);
  });

  it("hands the run back to Lambda's retry, at WARN, when the other attempt still holds the work after every wait", async () => {
    const sleeps = gatedSleeps({ wakeAtOnce: true });
    const [first, second] = containers(sleeps.sleep);
    const clock = () => FUNCTION_TIMEOUT_MS - sleeps.elapsedMs();

    eventBridge.hold(); // the first click never gets its answer while the second waits
    pending.push(first(delivered(p0Click('Ev0CLICK0011', noticeTs)), lambdaContext(clock)));
    await eventBridge.held(1);
    const secondClick = second(delivered(p0Click('Ev0CLICK0012', noticeTs)), lambdaContext(clock));
    pending.push(secondClick);

    await expect(secondClick).rejects.toBeInstanceOf(ContendedRunError);
    expect(sleeps.asked.map((sleep) => sleep.ms)).toEqual([250, 500, 1_000, 2_000, 4_000]);
    expect(linesAt('WARN').map((line) => [line['message'], line['runId'], line['waitedMs']])).toEqual([
      ["run still contended after waiting: handed back to Lambda, which retries it later", 'after-hours:Ev0CLICK0012', 7_750],
    ]);
    expect(linesAt('ERROR')).toEqual([]);
    expect(eventBridge.eventsOf('slack.emergency.requested')).toHaveLength(0);
  });

  it('never waits into the time the last attempt needs before the function times out', async () => {
    const sleeps = gatedSleeps({ wakeAtOnce: true });
    const [first, second] = containers(sleeps.sleep);
    // Little time left: 16 s, of which 15 s are kept for the last attempt.
    const clock = () => 16_000 - sleeps.elapsedMs();

    eventBridge.hold();
    pending.push(first(delivered(p0Click('Ev0CLICK0021', noticeTs)), lambdaContext(() => FUNCTION_TIMEOUT_MS)));
    await eventBridge.held(1);
    const secondClick = second(delivered(p0Click('Ev0CLICK0022', noticeTs)), lambdaContext(clock));
    pending.push(secondClick);

    await expect(secondClick).rejects.toBeInstanceOf(ContendedRunError);
    expect(sleeps.asked.map((sleep) => sleep.ms)).toEqual([250, 500]);
    expect(linesAt('WARN')).toHaveLength(1);
    expect(linesAt('ERROR')).toEqual([]);
  });
});
