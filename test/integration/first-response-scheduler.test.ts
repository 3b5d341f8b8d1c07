import { readFileSync } from 'node:fs';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firstResponse } from '../../functions/first-response/automation';
import type { Platform } from '../../shared/automation/platform';
import { runAutomation } from '../../shared/automation/run-automation';
import { ConfigStore } from '../../shared/config/config-store';
import { parseConfig } from '../../shared/config/parse-config';
import { SideEffectLedger } from '../../shared/idempotency/side-effect-ledger';
import { createLogger } from '../../shared/log/logger';
import { DryRunSalesforce } from '../../shared/providers/salesforce/dry-run-salesforce';
import { DryRunGitHub } from '../../shared/providers/github/dry-run-github';
import { DryRunSpreadsheet } from '../../shared/providers/google-sheets/dry-run-spreadsheet';
import { Outbox } from '../../shared/providers/outbox';
import { DryRunSlackMessenger } from '../../shared/providers/slack/dry-run-slack-messenger';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { DryRunSmsSender } from '../../shared/providers/sms/dry-run-sms-sender';
import { DryRunUnthreadConversations } from '../../shared/providers/unthread/dry-run-unthread-conversations';
import { RunStore } from '../../shared/runs/run-store';
import { SchedulerTimers } from '../../shared/timers/scheduler-timers';
import { timerFiredEvent } from '../../shared/timers/timer-fired-event';
import { FakeSchedulerApi } from '../support/fake-scheduler-api';
import { ManualClock } from '../support/manual-clock';
import { sampleSlackMessageEvent } from '../support/sample-events';
import { createTestTable } from '../support/test-table';

const example = parseConfig(readFileSync(new URL('../../switchboard.config.example.yaml', import.meta.url), 'utf8'), 'switchboard.config.example.yaml');
const MONDAY_TEN = '2026-11-23T10:00:00-08:00';

/**
 * The first-response watch with its timers on EventBridge Scheduler (the AWS SDK client against a fake
 * Scheduler API that, like Scheduler, deletes a one-time schedule only some time after it ran).
 */
describe('the first-response watch on EventBridge Scheduler', () => {
  let scheduler: FakeSchedulerApi;
  let clock: ManualClock;
  let platform: Platform;

  beforeAll(async () => {
    scheduler = await FakeSchedulerApi.start();
  });
  afterAll(async () => {
    await scheduler.close();
  });
  beforeEach(async () => {
    scheduler.calls.length = 0;
    scheduler.schedules.clear();
    clock = new ManualClock(MONDAY_TEN);
    const table = await createTestTable(clock);
    const outbox = new Outbox(table, clock);
    const bus = { publish: async () => undefined };
    platform = {
      clock,
      table,
      configs: new ConfigStore(table, clock, { cacheMs: 0 }),
      runs: new RunStore(table, clock),
      ledger: new SideEffectLedger(table, clock),
      outbox,
      bus,
      timers: new SchedulerTimers({
        groupName: 'switchboard-timers',
        roleArn: 'arn:aws:iam::123456789012:role/scheduler',
        busArn: 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard',
        bus,
        clock,
        client: new SchedulerClient({ endpoint: scheduler.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      }),
      slack: new DryRunSlackMessenger(outbox, clock),
      sms: new DryRunSmsSender(outbox, '+15555550100'),
      unthread: new DryRunUnthreadConversations(outbox),
      sheets: new DryRunSpreadsheet(outbox),
      github: new DryRunGitHub(outbox),
      salesforce: new DryRunSalesforce(outbox),
      publicBaseUrl: undefined,
      log: createLogger({ level: 'SILENT', runtime: 'aws' }),
    };
    await platform.configs.apply(example, { source: 'switchboard.config.example.yaml' });
  });

  async function customerWrites(at: string, input: { eventId: string; threadTs?: string; text: string }) {
    clock.set(at);
    const ts = dateToSlackTs(new Date(at));
    await runAutomation(firstResponse, sampleSlackMessageEvent({ ...input, ts, receivedAt: new Date(at).toISOString() }), platform);
    return ts;
  }

  it('gives a thread watched again right after its flag a schedule of its own, while the last one is not deleted yet', async () => {
    const asked = await customerWrites(MONDAY_TEN, { eventId: 'Ev0ASKED', text: 'Our exports fail' });
    const [first] = await platform.timers.list();
    clock.set('2026-11-23T11:00:00-08:00');
    await runAutomation(firstResponse, timerFiredEvent(first!), platform);
    // Scheduler has not deleted the schedule that just ran.
    expect(scheduler.schedules.size).toBe(1);

    const again = await customerWrites('2026-11-23T11:00:30-08:00', { eventId: 'Ev0AGAIN', threadTs: asked, text: 'Hello? Anyone?' });

    const timers = await platform.timers.list();
    expect(timers.map((timer) => ({ id: timer.id, dueAt: timer.dueAt.toISOString() }))).toEqual([
      { id: `first-response:C0ACMEPROD:${asked}`, dueAt: '2026-11-23T19:00:00.000Z' },
      { id: `first-response:C0ACMEPROD:${again}`, dueAt: '2026-11-23T20:00:30.000Z' },
    ]);
    expect((await platform.runs.get('first-response:Ev0AGAIN'))?.status).toBe('waiting');
  });

  it('does nothing when the old schedule fires late for the thread\'s newer watch', async () => {
    const asked = await customerWrites(MONDAY_TEN, { eventId: 'Ev0ASKED', text: 'Our exports fail' });
    const [first] = await platform.timers.list();
    clock.set('2026-11-23T11:00:00-08:00');
    await runAutomation(firstResponse, timerFiredEvent(first!), platform);
    await customerWrites('2026-11-23T11:00:30-08:00', { eventId: 'Ev0AGAIN', threadTs: asked, text: 'Hello? Anyone?' });

    // Scheduler delivers the first schedule's event a second time (at least once).
    const late = await runAutomation(firstResponse, { ...timerFiredEvent(first!), detail: { ...timerFiredEvent(first!).detail, eventId: 'timer:redelivered' } }, platform);

    expect(late.status).toBe('filtered');
    expect(await platform.outbox.list({ provider: 'slack' })).toHaveLength(1);
  });
});
