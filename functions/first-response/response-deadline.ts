import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import { durationMs } from '../../shared/config/duration';

export interface ResponseTimes {
  /** e.g. "1h": counted in business time for a message posted within business hours. */
  withinBusinessHours: string;
  /** e.g. "4h": counted on the clock for a message posted outside business hours. */
  outsideBusinessHours: string;
}

/**
 * When a first reply is due (SPEC §3.H): within business hours, the configured time of open business
 * time (posted Friday 15:30 with 1h: Monday 06:30); outside them, that much clock time (posted Sunday
 * 22:00 with 4h: Monday 02:00).
 */
export function responseDeadline(postedAt: Date, calendar: BusinessCalendar, times: ResponseTimes): { dueAt: Date; within: boolean } {
  if (calendar.isWithinBusinessHours(postedAt)) {
    return { dueAt: calendar.addBusinessHours(postedAt, durationMs(times.withinBusinessHours) / 3_600_000), within: true };
  }
  return { dueAt: new Date(postedAt.getTime() + durationMs(times.outsideBusinessHours)), within: false };
}
