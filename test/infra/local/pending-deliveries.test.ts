import { describe, expect, it } from 'vitest';
import { LocalBus } from '../../../infra/local/local-bus';
import { isPending } from '../../../infra/local/pending-deliveries';
import { defineAutomation } from '../../../shared/automation/automation';
import { createLogger } from '../../../shared/log/logger';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

/** A promise and the function that settles it: the run is held until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('a delivery pending on the local runtime (what `simulate` waits on before it shows the runs)', () => {
  it('is pending, by its delivery id or the id of its event, until every automation it goes to has handled it', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = await createTestTable(clock);
    const slow = gate();
    const subscriptions = [{ detailType: 'slack.message.posted' as const }];
    const fast = defineAutomation({ name: 'fast', description: 'fast', subscriptions, handle: async () => undefined });
    const held = defineAutomation({ name: 'held', description: 'held', subscriptions, handle: async () => slow.opened });
    const bus = new LocalBus(table, [fast, held], (automation, event) => automation.handle(event, undefined as never), clock, createLogger({ level: 'SILENT', runtime: 'local' }), { retryDelaysMs: [], concurrency: 4 });

    expect(await isPending(table, 'Ev1')).toBe(false);
    await bus.accept({ provider: 'slack', id: 'delivery-1' }, [sampleSlackMessageEvent({ eventId: 'Ev1' })]);

    expect(await isPending(table, 'Ev1')).toBe(true);
    expect(await isPending(table, 'delivery-1')).toBe(true);
    expect(await isPending(table, 'Ev2')).toBe(false);
    slow.open();
    await bus.drain();
    expect(await isPending(table, 'Ev1')).toBe(false);
    expect(await isPending(table, 'delivery-1')).toBe(false);
  });

  it('never expires while it is not handled, so a runtime stopped for longer than a week still runs it; once handled, it is remembered for a week', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = await createTestTable(clock);
    const seen: string[] = [];
    const subscriptions = [{ detailType: 'slack.message.posted' as const }];
    const recorder = defineAutomation({ name: 'recorder', description: 'recorder', subscriptions, handle: async (event) => void seen.push(event.detail.eventId) });
    const log = createLogger({ level: 'SILENT', runtime: 'local' });
    const deliver = (automation: typeof recorder, event: Parameters<typeof recorder.handle>[0]) => automation.handle(event, undefined as never);
    const stopped = new LocalBus(table, [recorder], deliver, clock, log, { retryDelaysMs: [], concurrency: 4 });
    await stopped.stop();
    // Accepted by a runtime that stops before it runs anything (the ack went out; the runs had not started).
    expect(await stopped.accept({ provider: 'slack', id: 'delivery-1' }, [sampleSlackMessageEvent({ eventId: 'Ev1' })])).toBe('accepted');

    clock.advance(10 * DAY);
    const restarted = new LocalBus(table, [recorder], deliver, clock, log, { retryDelaysMs: [], concurrency: 4 });
    expect(await isPending(table, 'Ev1')).toBe(true);
    expect(await restarted.recover()).toBe(1);
    await restarted.drain();
    expect(seen).toEqual(['Ev1']);

    clock.advance(6 * DAY);
    expect(await restarted.accept({ provider: 'slack', id: 'delivery-1' }, [sampleSlackMessageEvent({ eventId: 'Ev1' })])).toBe('duplicate');
    clock.advance(2 * DAY);
    expect(await restarted.accept({ provider: 'slack', id: 'delivery-1' }, [sampleSlackMessageEvent({ eventId: 'Ev1' })])).toBe('accepted');
  });
});

const DAY = 24 * 3600 * 1000;
