import { describe, expect, it } from 'vitest';
import { BackgroundPoller } from '../../../infra/local/background-poller';
import { LocalBus } from '../../../infra/local/local-bus';
import { LocalQueue } from '../../../infra/local/local-queue';
import { defineAutomation, type Automation } from '../../../shared/automation/automation';
import { createLogger } from '../../../shared/log/logger';
import { TableTimers } from '../../../shared/timers/table-timers';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

const log = createLogger({ level: 'SILENT', runtime: 'local' });

function recorder(): Automation & { seen: string[] } {
  const seen: string[] = [];
  return Object.assign(
    defineAutomation({
      name: 'recorder',
      description: 'records what reaches it',
      subscriptions: [{ detailType: 'timer.fired', detail: { automation: ['paging'] } }, { detailType: 'slack.message.posted' }],
      handle: async (event) => void seen.push(event.detail.eventId),
    }),
    { seen },
  );
}

describe('the local background poller', () => {
  it('fires a timer when it comes due, once, and not before', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = await createTestTable(clock);
    const timers = new TableTimers(table);
    const automation = recorder();
    const bus = new LocalBus(table, [automation], (a, e) => a.handle(e, undefined as never), clock, log, { retryDelaysMs: [], concurrency: 4 });
    const poller = new BackgroundPoller(timers, bus, clock, log);
    await timers.schedule({ id: 'paging:INC-A:escalate:0', automation: 'paging', kind: 'escalate', subject: 'INC-A/0', dueAt: new Date('2026-11-23T04:05:00Z') });

    clock.set('2026-11-23T04:04:59Z');
    expect(await poller.tick()).toEqual({ timersFired: 0, eventsPickedUp: 0 });
    clock.set('2026-11-23T04:05:00Z');
    expect((await poller.tick()).timersFired).toBe(1);
    expect((await poller.tick()).timersFired).toBe(0);
    await bus.drain();

    expect(automation.seen).toEqual(['timer:paging:INC-A:escalate:0@2026-11-23T04:05:00.000Z']);
    expect(await timers.list()).toEqual([]);
  });

  it('fires after a restart a timer set before it', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = await createTestTable(clock);
    await new TableTimers(table).schedule({ id: 'paging:INC-B:escalate:0', automation: 'paging', kind: 'escalate', subject: 'INC-B/0', dueAt: new Date('2026-11-23T04:05:00Z') });

    // A new process: new adapters over the same table.
    const automation = recorder();
    const bus = new LocalBus(table, [automation], (a, e) => a.handle(e, undefined as never), clock, log, { retryDelaysMs: [], concurrency: 4 });
    clock.set('2026-11-23T05:00:00Z');
    await new BackgroundPoller(new TableTimers(table), bus, clock, log).tick();
    await bus.drain();
    expect(automation.seen).toEqual(['timer:paging:INC-B:escalate:0@2026-11-23T04:05:00.000Z']);
  });

  it('picks up events another process queued (the CLI)', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = await createTestTable(clock);
    const automation = recorder();
    const bus = new LocalBus(table, [automation], (a, e) => a.handle(e, undefined as never), clock, log, { retryDelaysMs: [], concurrency: 4 });
    const poller = new BackgroundPoller(new TableTimers(table), bus, clock, log);

    await new LocalQueue(table, clock).publish([sampleSlackMessageEvent({ eventId: 'EvFROMCLI1' })]);
    expect((await poller.tick()).eventsPickedUp).toBe(1);
    await bus.drain();
    expect(automation.seen).toEqual(['EvFROMCLI1']);
    expect((await poller.tick()).eventsPickedUp).toBe(0);
  });
});
