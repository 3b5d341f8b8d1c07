import { describe, expect, it } from 'vitest';
import { dailyCronExpression, nextDailyTimer } from '../../../shared/timers/daily-timer';

const schedule = { kind: 'daily-reconciliation', at: '07:00', timeZone: 'America/Los_Angeles' };

describe('daily timers', () => {
  it('fire next at the time of day in the time zone, later today or tomorrow', () => {
    expect(nextDailyTimer('codename-sync', schedule, new Date('2026-11-23T06:59:00-08:00'))).toEqual({
      id: 'codename-sync:daily-reconciliation:2026-11-23',
      automation: 'codename-sync',
      kind: 'daily-reconciliation',
      subject: 'daily',
      dueAt: new Date('2026-11-23T07:00:00-08:00'),
    });
    expect(nextDailyTimer('codename-sync', schedule, new Date('2026-11-23T07:00:00-08:00')).dueAt).toEqual(new Date('2026-11-24T07:00:00-08:00'));
  });

  it('keep the wall-clock time across a change of daylight saving time', () => {
    expect(nextDailyTimer('codename-sync', schedule, new Date('2026-03-07T08:00:00-08:00')).dueAt).toEqual(new Date('2026-03-08T07:00:00-07:00'));
    expect(nextDailyTimer('codename-sync', schedule, new Date('2026-10-31T08:00:00-07:00')).dueAt).toEqual(new Date('2026-11-01T07:00:00-08:00'));
  });

  it('have one id per day, so arming the same day twice sets one timer', () => {
    const early = nextDailyTimer('codename-sync', schedule, new Date('2026-11-23T01:00:00-08:00'));
    const later = nextDailyTimer('codename-sync', schedule, new Date('2026-11-23T06:00:00-08:00'));

    expect(later).toEqual(early);
  });

  it('are written as EventBridge Scheduler cron expressions for the stack', () => {
    expect(dailyCronExpression('07:00')).toBe('cron(0 7 * * ? *)');
    expect(dailyCronExpression('18:45')).toBe('cron(45 18 * * ? *)');
  });
});
