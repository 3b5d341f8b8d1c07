import { DateTime } from 'luxon';
import type { WeekdayName } from '../../shared/config/config-schema';

const ISO_WEEKDAY: Record<WeekdayName, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface WeeklySummarySchedule {
  day: WeekdayName;
  /** "15:00", local to `timeZone`. */
  at: string;
  timeZone: string;
}

/**
 * The first weekly summary strictly after `instant`: a question added Friday 14:59 is in that Friday's
 * 15:00 summary, one added at 15:00 in the next week's. DST aware (the wall-clock time is kept).
 *
 * @example nextWeeklySummary(new Date('2026-11-18T10:00:00-08:00'), { day: 'Fri', at: '15:00', timeZone: 'America/Los_Angeles' }) // Fri 2026-11-20 15:00 PT
 */
export function nextWeeklySummary(instant: Date, schedule: WeeklySummarySchedule): Date {
  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  const today = DateTime.fromJSDate(instant, { zone: schedule.timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
  for (let days = 0; days <= 7; days += 1) {
    const candidate = today.plus({ days });
    if (candidate.weekday === ISO_WEEKDAY[schedule.day] && candidate.toMillis() > instant.getTime()) return candidate.toJSDate();
  }
  throw new Error(`no ${schedule.day} ${schedule.at} within a week of ${instant.toISOString()}`); // unreachable: some day of 8 matches
}

/** The start of the week a summary covers: the same weekday and time a week earlier. */
export function weekBefore(summaryAt: Date, timeZone: string): Date {
  return DateTime.fromJSDate(summaryAt, { zone: timeZone }).minus({ weeks: 1 }).toJSDate();
}
