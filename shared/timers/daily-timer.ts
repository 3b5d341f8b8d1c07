import { DateTime } from 'luxon';
import type { DailySchedule } from '../automation/automation';
import type { Timer } from './timers';

/** The subject of every daily timer: the handler re-reads what it needs. */
export const DAILY_SUBJECT = 'daily';

/**
 * The next firing of a daily schedule strictly after `after`, as a timer whose id names the automation, the
 * kind and the local date (`codename-sync:daily-reconciliation:2026-11-23`): arming it again for the same
 * day changes nothing. DST aware: the wall-clock time is kept.
 *
 * @example nextDailyTimer('codename-sync', { kind: 'daily-reconciliation', at: '07:00', timeZone: 'America/Los_Angeles' }, new Date('2026-11-23T08:00:00-08:00')) // 2026-11-24 07:00 PT
 */
export function nextDailyTimer(automation: string, schedule: DailySchedule, after: Date): Timer {
  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  let next = DateTime.fromJSDate(after, { zone: schedule.timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (next.toMillis() <= after.getTime()) next = next.plus({ days: 1 }).set({ hour, minute });
  return {
    id: `${automation}:${schedule.kind}:${next.toISODate()}`,
    automation,
    kind: schedule.kind,
    subject: DAILY_SUBJECT,
    dueAt: next.toJSDate(),
  };
}

/**
 * The `timer.fired` detail an EventBridge Scheduler schedule puts on the bus for a daily schedule, with
 * `<aws.scheduler.scheduled-time>` (Scheduler's context attribute, e.g. 2026-11-23T15:00:00Z) standing for
 * the time of each firing: each day's event id is then its own, and a retried delivery the same.
 */
export function scheduledDailyTimerDetail(automation: string, kind: string): Record<string, string> {
  const time = '<aws.scheduler.scheduled-time>';
  const id = `${automation}:${kind}@${time}`;
  return { eventId: `timer:${id}`, receivedAt: time, provider: 'switchboard', automation, timerId: id, kind, subject: DAILY_SUBJECT, dueAt: time };
}

/** A cron expression of EventBridge Scheduler for every day at `at` (evaluated in the schedule's time zone). */
export function dailyCronExpression(at: string): string {
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  return `cron(${minute} ${hour} * * ? *)`;
}
