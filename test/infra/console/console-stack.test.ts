import { readFile } from 'node:fs/promises';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openTarget, type Target } from '../../../infra/admin/target';
import { createConsoleApp } from '../../../infra/console/console-app';
import { newConsoleSecrets } from '../../../infra/console/console-security';
import { STACK_OUTPUTS } from '../../../infra/stack/stack-outputs';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { systemClock } from '../../../shared/clock/clock';
import { ConfigStore } from '../../../shared/config/config-store';
import { parseConfig } from '../../../shared/config/parse-config';
import { Outbox } from '../../../shared/providers/outbox';
import { RunStore } from '../../../shared/runs/run-store';
import { createDocumentClient } from '../../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../../shared/store/dynamodb-table';
import { ensureTable } from '../../../shared/store/ensure-table';
import { SchedulerTimers } from '../../../shared/timers/scheduler-timers';
import { openConsoleSession, type ConsoleSession } from '../../support/console-session';
import { eventBridgeDeadLetter } from '../../support/dead-letter-messages';
import { FakeCloudFormationApi } from '../../support/fake-cloudformation-api';
import { FakeEventBridgeApi } from '../../support/fake-eventbridge-api';
import { FakeLambdaApi } from '../../support/fake-lambda-api';
import { FakeSchedulerApi } from '../../support/fake-scheduler-api';
import { FakeSecretsManagerApi } from '../../support/fake-secrets-manager-api';
import { FakeSqsApi } from '../../support/fake-sqs-api';
import { sampleSlackMessageEvent } from '../../support/sample-events';

const STACK = 'Switchboard';
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const TABLE = `console-stack-${process.pid}`;
const BUS_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/switchboard`;
const FUNCTIONS = { 'after-hours': 'Switchboard-afterhoursHandlerFunction17B1-AbCdEf123456', paging: 'Switchboard-pagingHandlerFunction495D-GhIjKl789012' };
const CREDENTIALS_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:SwitchboardCredentials-AbC123`;
const WEBHOOK_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:SwitchboardWebhookSecrets-DeF456`;
/** Test credentials: the SDK signs its requests as it would for AWS. */
const ACCESS_KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

type StackOutputKey = (typeof STACK_OUTPUTS)[keyof typeof STACK_OUTPUTS];

/**
 * `switchboard console --stack NAME`: the console app on the target `openTarget` opens for a deployed stack,
 * through the real AWS SDK clients against fakes of the stack's services on 127.0.0.1 (CloudFormation,
 * Secrets Manager, EventBridge, SQS, Lambda, Scheduler) and its table on the embedded DynamoDB. The AWS
 * set-up is the environment handed to `openTarget`, as the CLI hands it its own; the process's is untouched.
 */
describe('the console on a deployed stack (--stack), through the real AWS SDK clients', () => {
  let cloudFormation: FakeCloudFormationApi;
  let secretsManager: FakeSecretsManagerApi;
  let eventBridge: FakeEventBridgeApi;
  let sqs: FakeSqsApi;
  let lambda: FakeLambdaApi;
  let scheduler: FakeSchedulerApi;
  let deadLetters: string;
  let target: Target;
  let app: Hono;
  let session: ConsoleSession;
  let incidentId: string;
  let failedMessage: string;
  const now = new Date();
  const failing = sampleSlackMessageEvent({ eventId: 'Ev0STACK2', receivedAt: new Date(now.getTime() - 60_000).toISOString(), user: 'U0CUSTOMER2' });
  const dropped = sampleSlackMessageEvent({ eventId: 'Ev0DROPPED', receivedAt: new Date(now.getTime() - 60_000).toISOString() });

  beforeAll(async () => {
    [cloudFormation, secretsManager, eventBridge, sqs, lambda, scheduler] = await Promise.all([
      FakeCloudFormationApi.start(),
      FakeSecretsManagerApi.start(),
      FakeEventBridgeApi.start(),
      FakeSqsApi.start(),
      FakeLambdaApi.start(Object.values(FUNCTIONS)),
      FakeSchedulerApi.start(),
    ]);
    deadLetters = sqs.createQueue('Switchboard-afterhoursDeadLettersQueue-4F2A9C1B7E3D', ACCOUNT);
    const pagingDeadLetters = sqs.createQueue('Switchboard-pagingDeadLettersQueue-8B1D3E5F7A9C', ACCOUNT);
    // Every output the CLI reads (the type says which: a new one fails to compile until it is here).
    const outputs: Record<StackOutputKey, string> = {
      [STACK_OUTPUTS.apiUrl]: 'https://abc123.execute-api.us-east-1.amazonaws.com/',
      [STACK_OUTPUTS.tableName]: TABLE,
      [STACK_OUTPUTS.busName]: 'switchboard',
      [STACK_OUTPUTS.busArn]: BUS_ARN,
      [STACK_OUTPUTS.secretArn]: CREDENTIALS_SECRET_ARN,
      [STACK_OUTPUTS.webhookSecretArn]: WEBHOOK_SECRET_ARN,
      [STACK_OUTPUTS.scheduleGroup]: 'switchboard-timers',
      [STACK_OUTPUTS.schedulerRoleArn]: `arn:aws:iam::${ACCOUNT}:role/scheduler`,
      [STACK_OUTPUTS.automationFunctions]: JSON.stringify(FUNCTIONS),
      [STACK_OUTPUTS.deadLetterQueues]: JSON.stringify({ 'after-hours': deadLetters, paging: pagingDeadLetters }),
      [STACK_OUTPUTS.timersDeadLetterQueue]: sqs.createQueue('Switchboard-TimersDeadLettersQueue-2C4E6A8B0D1F', ACCOUNT),
      [STACK_OUTPUTS.dryRunProviders]: JSON.stringify(['twilio']),
    };
    cloudFormation.deploy(STACK, { outputs });
    // The stack's two secrets, split as it splits them: provider credentials, and the webhook signing secrets.
    secretsManager.put(CREDENTIALS_SECRET_ARN, JSON.stringify({ SLACK_BOT_TOKEN: 'xoxb-1-example', TWILIO_AUTH_TOKEN: 'twilio-token' }));
    secretsManager.put(WEBHOOK_SECRET_ARN, JSON.stringify({ SLACK_SIGNING_SECRET: 'slack-signing-secret', TWILIO_AUTH_TOKEN: 'twilio-token' }));
    // What an admin's shell gives the CLI; each service's endpoint points at its fake.
    const env = {
      AWS_REGION: REGION,
      ...ACCESS_KEYS,
      // Any service without a fake of its own gets a port nobody listens on.
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    };

    // The stack's state, written as its functions write it.
    const doc = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    await ensureTable(doc, TABLE);
    const table = new DynamoDbTable(doc, TABLE, systemClock);
    await new ConfigStore(table, systemClock).apply(parseConfig(await readFile('switchboard.config.example.yaml', 'utf8'), 'switchboard.config.yaml'), { source: 'switchboard.config.yaml' });
    const runs = new RunStore(table, systemClock);
    const started = new Date(now.getTime() - 60_000).toISOString();
    const finished = now.toISOString();
    const message = sampleSlackMessageEvent({ eventId: 'Ev0STACK1', receivedAt: started });
    await runs.save(
      { runId: 'after-hours:Ev0STACK1', automation: 'after-hours', trigger: { detailType: message.detailType, eventId: 'Ev0STACK1', receivedAt: started }, event: message, status: 'succeeded', steps: [{ name: 'post after-hours notice', outcome: 'done', detail: 'replied in thread', startedAt: started, durationMs: 80 }], effects: [{ key: 'after-hours.notice:C0ACMEPROD:U0CUSTOMER1:x', outcome: 'done' }], startedAt: started, finishedAt: finished, durationMs: 100 },
      30,
    );
    await runs.save(
      { runId: 'after-hours:Ev0STACK2', automation: 'after-hours', trigger: { detailType: failing.detailType, eventId: 'Ev0STACK2', receivedAt: started }, event: failing, status: 'failed', steps: [{ name: 'post after-hours notice', outcome: 'failed', detail: 'slack chat.postMessage failed: channel_not_found', startedAt: started, durationMs: 50 }], error: { name: 'ProviderError', message: 'slack chat.postMessage failed: channel_not_found', transient: false }, startedAt: started, finishedAt: finished, durationMs: 60 },
      30,
    );
    const incidents = new IncidentStore(table, systemClock);
    incidentId = 'INC-STACK1';
    await incidents.open(
      { id: incidentId, code: 'K7QP', status: 'paging', severity: 'P0', customer: 'Globex', excerpt: 'down', requestedBy: 'U0CUSTOMER1', chain: [{ name: 'Dana', phone: '+15555550101' }], repeats: 1, ackTimeoutMs: 300_000, internalChannel: 'C0SUPPORT01', fallbackChannel: 'C0SUPPORT01', step: 0, openedAt: started, version: 1 },
      'Ev0OPEN',
    );
    await incidents.recordPage(incidentId, { step: 0, to: 'Dana', sid: 'SM0001', sentAt: started, deliveryStatus: 'delivered' });
    await new Outbox(table, systemClock).record('twilio', 'messages.create', { to: '+15555550101', body: 'P0 Globex' });
    await new SchedulerTimers({
      groupName: 'switchboard-timers',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/scheduler`,
      busArn: BUS_ARN,
      bus: { publish: async () => undefined },
      clock: systemClock,
      client: new SchedulerClient({ endpoint: scheduler.endpoint, region: REGION, credentials: { accessKeyId: ACCESS_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: ACCESS_KEYS.AWS_SECRET_ACCESS_KEY } }),
    }).schedule({
      id: `paging:${incidentId}:escalate:0`,
      automation: 'paging',
      kind: 'escalate',
      subject: `${incidentId}/0`,
      dueAt: new Date(now.getTime() + 300_000),
    });
    // EventBridge's dead-letter message: the event, with the error in its attributes.
    failedMessage = sqs.put(deadLetters, eventBridgeDeadLetter(dropped, { errorCode: 'Lambda.ServiceException', errorMessage: 'Rate exceeded', retryAttempts: 185 }));

    target = await openTarget({ stack: STACK, env });
    const secrets = newConsoleSecrets();
    app = createConsoleApp({ target, secrets, port: 4711, livePollMs: 10 });
    session = await openConsoleSession(app, secrets);
  });
  afterAll(async () => {
    await target?.close();
    await Promise.all([cloudFormation?.close(), secretsManager?.close(), eventBridge?.close(), sqs?.close(), lambda?.close(), scheduler?.close()]);
  });
  beforeEach(() => {
    // What each test's requests made the fakes receive, and only that.
    secretsManager.reads.length = 0;
    eventBridge.events.length = 0;
    sqs.calls.length = 0;
    lambda.invocations.length = 0;
  });

  it('says which stack it shows, and which providers its configuration keeps live or in dry-run', async () => {
    const html = await (await session.get('/')).text();

    expect(html).toContain('stack Switchboard');
    expect(html).toContain('Stack Switchboard was deployed with dryRunProviders=twilio');
    expect(html).toMatch(/twilio<\/td><td data-label="Mode"><span class="status status-dry-run">dry-run<\/span><\/td><td data-label="Why">listed in dryRunProviders/);
    expect(html).toMatch(/slack<\/td><td data-label="Mode"><span class="status status-live">live<\/span><\/td><td data-label="Why">credentials set/);
    expect(html).toContain('no UNTHREAD_API_KEY in the secret: its calls fail');
    // The modes are what the automations can use: the credentials secret alone, never the webhook secret.
    expect(secretsManager.reads).toEqual([{ secretId: CREDENTIALS_SECRET_ARN, found: true }]);
    expect(html).toMatch(/<span class="number">1<\/span> open incident/);
    expect(html).toMatch(/<span class="number">1<\/span> failed delivery/);
    expect(html).toContain('1 succeeded, 0 filtered, 0 waiting, 1 failed');
    // Counting the failed deliveries reads the queue through; what it read is visible again for the next reader.
    expect(sqs.visibleMessageIds(deadLetters)).toEqual([failedMessage]);
  });

  it('lists the runs from the stack’s table, and shows one with its effects', async () => {
    const list = await (await session.get('/runs')).text();
    const run = await (await session.get('/run?id=after-hours%3AEv0STACK1')).text();

    expect(list).toContain('<code>after-hours:Ev0STACK1</code>');
    expect(list).toContain('<code>after-hours:Ev0STACK2</code>');
    expect(run).toContain('<code>after-hours.notice:C0ACMEPROD:U0CUSTOMER1:x</code>');
    expect(run).toContain('no record');
  });

  it('replays a failed run by invoking its automation’s function with the stored trigger, as a new run', async () => {
    const response = await session.post('/run/replay', { id: 'after-hours:Ev0STACK2' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/run?id=${encodeURIComponent('after-hours:Ev0STACK2#replay-1')}`);
    expect(lambda.invocations).toEqual([
      {
        functionName: FUNCTIONS['after-hours'],
        invocationType: 'Event',
        status: 202,
        payload: { 'detail-type': 'slack.message.posted', detail: failing.detail, source: 'switchboard', switchboard: { runId: 'after-hours:Ev0STACK2#replay-1', replayOf: 'after-hours:Ev0STACK2' } },
      },
    ]);
  });

  it('shows the incidents with their pages, and acknowledges through the bus', async () => {
    const page = await (await session.get('/incidents')).text();
    expect(page).toContain('P0 for Globex');
    expect(page).toContain('<span class="status status-delivered">delivered</span>');
    expect(page).toContain('Next page</strong> unless someone acknowledges');

    const response = await session.post('/incidents/ack', { incident: 'K7QP', by: 'Robin' });

    expect(response.status).toBe(303);
    expect(eventBridge.events.map((event) => event.DetailType)).toEqual(['incident.ack.requested']);
    const [published] = eventBridge.events;
    expect(published?.EventBusName).toBe('switchboard');
    expect(published?.Source).toBe('switchboard');
    expect(JSON.parse(published?.Detail ?? '{}')).toMatchObject({ incident: incidentId, by: 'Robin', provider: 'switchboard' });
  });

  it('lists the dead-letter queues’ events and redrives one: its function is invoked once, the message deleted', async () => {
    const page = await (await session.get('/deliveries')).text();
    expect(page).toContain(`<code>after-hours/${failedMessage}</code>`);
    expect(page).toContain('Lambda.ServiceException: Rate exceeded');

    const response = await session.post('/deliveries/redrive', { id: `after-hours/${failedMessage}` });

    expect(response.headers.get('location')).toBe(`/deliveries?redriven=${encodeURIComponent(`after-hours/${failedMessage}`)}`);
    expect(lambda.invocations).toEqual([
      { functionName: FUNCTIONS['after-hours'], invocationType: 'Event', status: 202, payload: { 'detail-type': 'slack.message.posted', detail: dropped.detail, source: 'switchboard' } },
    ]);
    expect(sqs.callsOf('DeleteMessage')).toHaveLength(1);
    expect(sqs.messageIds(deadLetters)).toEqual([]);
  });

  it('lists the timers as EventBridge Scheduler holds them', async () => {
    const html = await (await session.get('/timers')).text();

    expect(html).toContain(`<code>paging:${incidentId}:escalate:0</code>`);
  });

  it('shows the configuration and the outbox of the stack', async () => {
    const config = await (await session.get('/config')).text();
    const outbox = await (await session.get('/outbox')).text();

    expect(config).toContain('(in force)');
    expect(config).toContain('<code>C0ACMEPROD</code>');
    expect(outbox).toContain('messages.create');
  });
});
