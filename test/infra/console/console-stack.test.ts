import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTarget, type Target } from '../../../infra/cli/target';
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
import { FakeSchedulerApi } from '../../support/fake-scheduler-api';
import { FakeStackApis } from '../../support/fake-stack-apis';
import { sampleSlackMessageEvent } from '../../support/sample-events';

const STACK = 'Switchboard';
const TABLE = `console-stack-${process.pid}`;
const BUS_ARN = 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard';

describe('the console on a deployed stack (--stack), through the real AWS SDK clients', () => {
  let scheduler: FakeSchedulerApi;
  let aws: FakeStackApis;
  let deadLetters: string;
  let target: Target;
  let app: Hono;
  let session: ConsoleSession;
  let incidentId: string;
  let failedMessage: string;
  const now = new Date();

  beforeAll(async () => {
    scheduler = await FakeSchedulerApi.start();
    // The queue URLs name the fake, so it starts before the outputs are known; they are filled in below.
    const outputs: Record<string, string> = {};
    aws = await FakeStackApis.start({ name: STACK, outputs, secret: { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', TWILIO_AUTH_TOKEN: 't' } });
    deadLetters = aws.queueUrl('switchboard-after-hours-dlq');
    Object.assign(outputs, {
      [STACK_OUTPUTS.apiUrl]: 'https://abc123.execute-api.us-east-1.amazonaws.com/',
      [STACK_OUTPUTS.tableName]: TABLE,
      [STACK_OUTPUTS.busName]: 'switchboard',
      [STACK_OUTPUTS.busArn]: BUS_ARN,
      [STACK_OUTPUTS.secretArn]: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:switchboard',
      [STACK_OUTPUTS.scheduleGroup]: 'switchboard-timers',
      [STACK_OUTPUTS.schedulerRoleArn]: 'arn:aws:iam::123456789012:role/scheduler',
      [STACK_OUTPUTS.automationFunctions]: JSON.stringify({ 'after-hours': 'Switchboard-AfterHours-1', paging: 'Switchboard-Paging-1' }),
      [STACK_OUTPUTS.deadLetterQueues]: JSON.stringify({ 'after-hours': deadLetters }),
      [STACK_OUTPUTS.dryRunProviders]: JSON.stringify(['twilio']),
    });
    // What an admin's shell gives the SDK; the endpoints point at the fakes. Each test file has its own process.
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
    });

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
    const failing = sampleSlackMessageEvent({ eventId: 'Ev0STACK2', receivedAt: started, user: 'U0CUSTOMER2' });
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
    await new SchedulerTimers({ groupName: 'switchboard-timers', roleArn: 'arn:aws:iam::123456789012:role/scheduler', busArn: BUS_ARN, bus: { publish: async () => undefined }, clock: systemClock }).schedule({
      id: `paging:${incidentId}:escalate:0`,
      automation: 'paging',
      kind: 'escalate',
      subject: `${incidentId}/0`,
      dueAt: new Date(now.getTime() + 300_000),
    });
    // EventBridge's dead-letter message: the event, with the error in its attributes.
    const dropped = sampleSlackMessageEvent({ eventId: 'Ev0DROPPED', receivedAt: started });
    failedMessage = aws.enqueue(deadLetters, { version: '0', id: 'e1', 'detail-type': dropped.detailType, source: 'switchboard', detail: dropped.detail }, { ERROR_CODE: 'Lambda.ServiceException', ERROR_MESSAGE: 'Rate exceeded', RETRY_ATTEMPTS: '185' });

    target = await openTarget({ stack: STACK });
    const secrets = newConsoleSecrets();
    app = createConsoleApp({ target, secrets, port: 4711, livePollMs: 10 });
    session = await openConsoleSession(app, secrets);
  });
  afterAll(async () => {
    await target?.close();
    await aws?.close();
    await scheduler?.close();
  });

  it('says which stack it shows, and which providers its configuration keeps live or in dry-run', async () => {
    const html = await (await session.get('/')).text();

    expect(html).toContain('stack Switchboard');
    expect(html).toContain('Stack Switchboard was deployed with dryRunProviders=twilio');
    expect(html).toMatch(/twilio<\/td><td data-label="Mode"><span class="status status-dry-run">dry-run<\/span><\/td><td data-label="Why">listed in dryRunProviders/);
    expect(html).toMatch(/slack<\/td><td data-label="Mode"><span class="status status-live">live<\/span><\/td><td data-label="Why">credentials set/);
    expect(html).toContain('no UNTHREAD_API_KEY in the secret: its calls fail');
    expect(html).toMatch(/<span class="number">1<\/span> open incident/);
    expect(html).toMatch(/<span class="number">1<\/span> failed delivery/);
    expect(html).toContain('1 succeeded, 0 filtered, 0 waiting, 1 failed');
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
    expect(aws.invocations).toContainEqual({
      functionName: 'Switchboard-AfterHours-1',
      invocationType: 'Event',
      payload: expect.objectContaining({ 'detail-type': 'slack.message.posted', switchboard: { runId: 'after-hours:Ev0STACK2#replay-1', replayOf: 'after-hours:Ev0STACK2' } }),
    });
  });

  it('shows the incidents with their pages, and acknowledges through the bus', async () => {
    const page = await (await session.get('/incidents')).text();
    expect(page).toContain('P0 for Globex');
    expect(page).toContain('<span class="status status-delivered">delivered</span>');
    expect(page).toContain('Next page</strong> unless someone acknowledges');

    const response = await session.post('/incidents/ack', { incident: 'K7QP', by: 'Robin' });

    expect(response.status).toBe(303);
    const published = aws.events.find((event) => event.DetailType === 'incident.ack.requested');
    expect(published?.EventBusName).toBe('switchboard');
    expect(JSON.parse(published?.Detail ?? '{}')).toMatchObject({ incident: incidentId, by: 'Robin', provider: 'switchboard' });
  });

  it('lists the dead-letter queues’ events and redrives one: its function is invoked, the message deleted', async () => {
    const page = await (await session.get('/deliveries')).text();
    expect(page).toContain(`<code>after-hours/${failedMessage}</code>`);
    expect(page).toContain('Lambda.ServiceException: Rate exceeded');

    const response = await session.post('/deliveries/redrive', { id: `after-hours/${failedMessage}` });

    expect(response.headers.get('location')).toBe(`/deliveries?redriven=${encodeURIComponent(`after-hours/${failedMessage}`)}`);
    expect(aws.deleted).toEqual([failedMessage]);
    expect(aws.invocations.at(-1)).toMatchObject({ functionName: 'Switchboard-AfterHours-1', payload: { detail: { eventId: 'Ev0DROPPED' } } });
    expect(aws.messagesIn(deadLetters)).toBe(0);
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
