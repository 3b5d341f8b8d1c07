import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../shared/calendar/business-calendar';
import { describeInstant } from '../../shared/calendar/describe';
import { parseTimeOfDay } from '../../shared/calendar/time-of-day';

/** What the banner says about the clock: whether business is open now, until when, and an after-hours instant to try. */
export type ClockStatus = ClockBasics & ({ open: false } | { open: true; afterHoursExample: AfterHoursExample });

interface ClockBasics {
  /** `SWITCHBOARD_NOW` as given, when the clock was set by it. */
  fixedStart: string | undefined;
  /** Now, as people read it in the business time zone. */
  now: string;
  /** When open: when business closes; when closed: when it opens. */
  changesAt: string;
}

/** The first whole hour after closing (or the closing minute, when business opens again within the hour), as `--at` takes it (business time, no offset) and as `SWITCHBOARD_NOW` does (with the offset). */
export interface AfterHoursExample {
  at: string;
  instant: string;
}

/**
 * The clock as the banner tells it.
 * @example clockStatus(calendar, new Date('2026-11-30T18:30:00Z'), undefined)
 * // { open: true, now: 'Monday, November 30 at 10:30 AM PT', changesAt: 'Monday, November 30 at 4:00 PM PT', afterHoursExample: { at: '2026-11-30T16:00', instant: '2026-11-30T16:00:00-08:00' }, … }
 */
export function clockStatus(calendar: BusinessCalendar, now: Date, fixedStart: string | undefined): ClockStatus {
  const zone = calendar.settings.timeZone;
  const described = (instant: Date) => describeInstant(instant, zone);
  if (!calendar.isWithinBusinessHours(now)) {
    return { fixedStart, open: false, now: described(now), changesAt: described(calendar.nextOpening(now)) };
  }
  const closing = closingOf(calendar, now);
  return { fixedStart, open: true, now: described(now), changesAt: described(closing), afterHoursExample: afterHoursExample(calendar, closing) };
}

/** Open hours are [opens, closes) of an open day, so an open instant closes the same local day at `closes`. */
function closingOf(calendar: BusinessCalendar, now: Date): Date {
  const closes = parseTimeOfDay(calendar.settings.closes);
  if (closes === undefined) throw new Error(`business hours close at "${calendar.settings.closes}", not HH:mm`); // the calendar refuses such settings
  const { hour, minute } = closes;
  return DateTime.fromJSDate(now, { zone: calendar.settings.timeZone }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The whole hour at or after the closing when business is still closed then, else the closing minute itself. */
function afterHoursExample(calendar: BusinessCalendar, closing: Date): AfterHoursExample {
  const local = DateTime.fromJSDate(closing, { zone: calendar.settings.timeZone });
  const startOfHour = local.startOf('hour');
  const wholeHour = startOfHour.toMillis() === local.toMillis() ? startOfHour : startOfHour.plus({ hours: 1 });
  const chosen = calendar.isWithinBusinessHours(wholeHour.toJSDate()) ? local : wholeHour;
  return { at: chosen.toFormat("yyyy-MM-dd'T'HH:mm"), instant: chosen.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") };
}
