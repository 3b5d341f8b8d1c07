import { beforeEach, describe, expect, it } from 'vitest';
import type { Table } from '../../../shared/store/table';
import { TableTimers } from '../../../shared/timers/table-timers';
import { timerFiredEvent } from '../../../shared/timers/timer-fired-event';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const timer = (id: string, dueAt: string) => ({ id, automation: 'paging', kind: 'escalate', subject: `${id}/0`, dueAt: new Date(dueAt) });

describe('timers in the table (the local runtime)', () => {
  let table: Table;
  let timers: TableTimers;

  beforeEach(async () => {
    table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    timers = new TableTimers(table);
  });

  it('lists what is pending, soonest first', async () => {
    await timers.schedule(timer('b', '2026-11-23T04:10:00Z'));
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    expect((await timers.list()).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('finds the timers due at an instant, including one due exactly then', async () => {
    await timers.schedule(timer('early', '2026-11-23T04:05:00Z'));
    await timers.schedule(timer('exact', '2026-11-23T04:06:00Z'));
    await timers.schedule(timer('late', '2026-11-23T04:07:00Z'));
    expect((await timers.due(new Date('2026-11-23T04:06:00Z'))).map((t) => t.id)).toEqual(['early', 'exact']);
  });

  it('keeps the first schedule of an id (a retried run does not move its timer)', async () => {
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    await timers.schedule(timer('a', '2026-11-23T09:00:00Z'));
    expect((await timers.list()).map((t) => t.dueAt.toISOString())).toEqual(['2026-11-23T04:05:00.000Z']);
  });

  it('cancels, and cancelling twice is not an error', async () => {
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    await timers.cancel('a');
    await timers.cancel('a');
    expect(await timers.list()).toEqual([]);
  });

  it('removes a fired timer once, even when two pollers race', async () => {
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    const [first, second] = await Promise.all([timers.remove('a'), timers.remove('a')]);
    expect([first, second].sort()).toEqual([false, true]);
  });

  it('fires as a timer.fired event carrying its id, so a double firing is recognised', () => {
    expect(timerFiredEvent(timer('a', '2026-11-23T04:05:00Z'))).toEqual({
      detailType: 'timer.fired',
      detail: { eventId: 'timer:a@2026-11-23T04:05:00.000Z', receivedAt: '2026-11-23T04:05:00.000Z', provider: 'switchboard', automation: 'paging', timerId: 'a', kind: 'escalate', subject: 'a/0', dueAt: '2026-11-23T04:05:00.000Z' },
    });
  });

  it('can be scheduled again under the same id once it fired or was cancelled', async () => {
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    await timers.remove('a');
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    expect((await timers.list()).map((t) => t.id)).toEqual(['a']);

    await timers.cancel('a');
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    expect((await timers.list()).map((t) => t.id)).toEqual(['a']);
  });

  it('writes a timer scheduled again for another time, whatever this process remembers of the first', async () => {
    const other = new TableTimers(table);
    await timers.schedule(timer('a', '2026-11-23T04:05:00Z'));
    await other.remove('a');

    await timers.schedule(timer('a', '2026-11-23T05:05:00Z'));

    expect((await timers.list()).map((t) => t.dueAt.toISOString())).toEqual(['2026-11-23T05:05:00.000Z']);
  });
});
