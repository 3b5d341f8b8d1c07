import { describe, expect, it } from 'vitest';
import { DailyTimers } from '../../../infra/local/daily-timers';
import { defineAutomation } from '../../../shared/automation/automation';
import { TableTimers } from '../../../shared/timers/table-timers';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const reconciler = defineAutomation({
  name: 'reconciler',
  description: 'a daily job',
  subscriptions: [{ detailType: 'timer.fired', detail: { automation: ['reconciler'] } }],
  dailySchedules: [{ kind: 'daily-check', at: '07:00', timeZone: 'America/Los_Angeles' }],
  handle: async () => undefined,
});

async function setUp(now: string) {
  const clock = new ManualClock(now);
  const timers = new TableTimers(await createTestTable(clock));
  return { clock, timers, daily: new DailyTimers([reconciler], timers, clock) };
}

describe("the local runtime's daily timers", () => {
  it('arm the next firing of each daily schedule, once however often they are armed', async () => {
    const { timers, daily } = await setUp('2026-11-25T10:00:00-08:00');

    await daily.arm();
    await daily.arm();

    expect(await timers.list()).toEqual([
      { id: 'reconciler:daily-check:2026-11-26', automation: 'reconciler', kind: 'daily-check', subject: 'daily', dueAt: new Date('2026-11-26T07:00:00-08:00') },
    ]);
  });

  it("arm the next day's when one fires", async () => {
    const { clock, timers, daily } = await setUp('2026-11-25T10:00:00-08:00');
    await daily.arm();
    const [fired] = await timers.list();
    clock.set('2026-11-26T07:00:01-08:00');
    await timers.remove(fired!.id);

    await daily.rearm(fired!);

    expect((await timers.list()).map((timer) => timer.id)).toEqual(['reconciler:daily-check:2026-11-27']);
  });

  it('arm the next one after now when one fired late (a runtime stopped for days catches nothing up)', async () => {
    const { clock, timers, daily } = await setUp('2026-11-25T10:00:00-08:00');
    await daily.arm();
    const [fired] = await timers.list();
    clock.set('2026-11-29T12:00:00-08:00');
    await timers.remove(fired!.id);

    await daily.rearm(fired!);

    expect((await timers.list()).map((timer) => timer.dueAt)).toEqual([new Date('2026-11-30T07:00:00-08:00')]);
  });

  it('leave other timers alone', async () => {
    const { timers, daily } = await setUp('2026-11-25T10:00:00-08:00');

    await daily.rearm({ id: 'paging:INC-1:escalate:1', automation: 'paging', kind: 'escalate', subject: 'INC-1', dueAt: new Date('2026-11-25T10:05:00-08:00') });

    expect(await timers.list()).toEqual([]);
  });
});
