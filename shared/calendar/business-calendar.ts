import { DateTime, IANAZone } from 'luxon';
import { assertKnownHolidaySettings, holidayOn, type HolidaySettings } from './holidays';
import { minutesSinceMidnight, parseTimeOfDay, type TimeOfDay } from './time-of-day';

export type { HolidaySettings } from './holidays';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO weekday, 1 = Monday

export interface BusinessHoursSettings {
  timeZone: string; // IANA zone, e.g. 'America/Los_Angeles'
  weekdays: readonly Weekday[]; // open days
  opens: string; // 'HH:mm' local, e.g. '06:00'
  closes: string; // 'HH:mm' local, later than opens, e.g. '16:00'
  holidays: HolidaySettings;
  closures: readonly string[]; // extra closed local dates 'YYYY-MM-DD'
}

export type ClosureReason = { kind: 'weekend' } | { kind: 'holiday'; name: string } | { kind: 'closure' };

export interface BusinessCalendar {
  readonly settings: BusinessHoursSettings;
  /** Open at this instant? The interval is [opens, closes): 05:59 closed, 06:00 open, 15:59 open, 16:00 closed. */
  isWithinBusinessHours(instant: Date): boolean;
  /** The instant itself when open; otherwise the next instant business opens. */
  nextOpening(instant: Date): Date;
  /** The latest closing at or before this instant: Tue 06:00 after a Monday holiday → the Friday before at 16:00. */
  previousClosing(instant: Date): Date;
  /** The instant `hours` of open time later (fractions allowed, hours >= 0). Counting from a closed instant starts at nextOpening. A result that lands exactly on a closing time is that closing time (e.g. Fri 12:00 + 4h = Fri 16:00, not Mon 06:00). Saturday + 4 = Monday 10:00. */
  addBusinessHours(instant: Date, hours: number): Date;
  /** addBusinessHours(instant, days × length of the business day): Fri 10:00 + 2 = Tue 10:00; from a closed instant, Sat + 1 = Mon 16:00. */
  addBusinessDays(instant: Date, days: number): Date;
  /** Why the local calendar day containing `instant` is closed all day, or undefined when it is a business day. Holiday wins over weekend naming only on weekdays (a weekday holiday → holiday; Saturday → weekend). */
  closureOn(instant: Date): ClosureReason | undefined;
}

// If no day opens within three years, the settings close every day (say, a closure list that
// covers every open weekday); searching further would only hang the caller.
const LONGEST_CLOSED_STRETCH_IN_DAYS = 3 * 366;
const MILLISECONDS_PER_MINUTE = 60_000;
const MILLISECONDS_PER_HOUR = 3_600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a zone Luxon/Intl recognise (used by config validation).
 * @example isValidTimeZone('America/Los_Angeles') // true
 * @example isValidTimeZone('Pacific Time') // false
 */
export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

/**
 * A calendar answering "are we open?" questions for the given business hours. Throws an Error
 * for settings it cannot honour (unknown zone, bad 'HH:mm', closes not after opens, no weekdays).
 * @example
 * const calendar = createBusinessCalendar({
 *   timeZone: 'America/Los_Angeles', weekdays: [1, 2, 3, 4, 5], opens: '06:00', closes: '16:00',
 *   holidays: { country: 'US', types: ['public'] }, closures: ['2026-12-24'],
 * });
 * calendar.nextOpening(new Date('2026-11-21T12:00:00-08:00')); // Monday 2026-11-23T06:00:00-08:00
 */
export function createBusinessCalendar(settings: BusinessHoursSettings): BusinessCalendar {
  const { opens, closes } = validatedHours(settings);
  // A private copy, so that mutating the caller's arrays later cannot change the calendar.
  const ownSettings: BusinessHoursSettings = Object.freeze({
    ...settings,
    weekdays: Object.freeze([...settings.weekdays]),
    holidays: Object.freeze({ ...settings.holidays, types: Object.freeze([...settings.holidays.types]) }),
    closures: Object.freeze([...settings.closures]),
  });
  const { timeZone } = ownSettings;
  const openWeekdays = new Set<number>(ownSettings.weekdays);
  const closureDates = new Set(ownSettings.closures);
  const businessDayMilliseconds = (minutesSinceMidnight(closes) - minutesSinceMidnight(opens)) * MILLISECONDS_PER_MINUTE;

  // A "day" is a DateTime in the business zone of which only the calendar date is read; the
  // times of day are set on it. (Skipping startOf('day') saves a costly offset lookup.)
  const localDayOf = (instant: Date): DateTime => DateTime.fromJSDate(instant, { zone: timeZone });

  // Setting the wall-clock time on the local day lets Luxon pick that day's UTC offset (DST).
  const atTimeOn = (day: DateTime, time: TimeOfDay): DateTime =>
    day.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
  const openingOn = (day: DateTime): number => atTimeOn(day, opens).toMillis();
  const closingOn = (day: DateTime): number => atTimeOn(day, closes).toMillis();

  const closureOnDay = (day: DateTime): ClosureReason | undefined => {
    if (!openWeekdays.has(day.weekday)) return { kind: 'weekend' };
    const localDate = day.toFormat('yyyy-MM-dd');
    const holiday = holidayOn(ownSettings.holidays, localDate);
    if (holiday !== undefined) return { kind: 'holiday', name: holiday };
    if (closureDates.has(localDate)) return { kind: 'closure' };
    return undefined;
  };
  const isBusinessDay = (day: DateTime): boolean => closureOnDay(day) === undefined;

  // Time-zone arithmetic costs tens of microseconds a call, and the same questions come for every message
  // of a night: the periods already worked out (open from opening to closing; closed until the next
  // opening) answer again for any instant inside them.
  const periods = new KnownPeriods();

  /** The open or closed period around `time`, worked out when not known yet. */
  const periodAt = (time: number): Period => {
    const known = periods.find(time);
    if (known !== undefined) return known;
    const day = localDayOf(new Date(time));
    if (isBusinessDay(day)) {
      const opening = openingOn(day);
      const closing = closingOn(day);
      if (opening <= time && time < closing) return periods.add({ from: opening, until: closing, open: true });
      if (time < opening) return periods.add({ from: time, until: opening, open: false });
    }
    return periods.add({ from: time, until: openingOn(firstBusinessDayFrom(day.plus({ days: 1 }))), open: false });
  };

  const isWithinBusinessHours = (instant: Date): boolean => periodAt(validInstant(instant).getTime()).open;

  const firstBusinessDayFrom = (day: DateTime): DateTime => {
    let candidate = day;
    for (let searched = 0; searched < LONGEST_CLOSED_STRETCH_IN_DAYS; searched++) {
      if (isBusinessDay(candidate)) return candidate;
      candidate = candidate.plus({ days: 1 });
    }
    throw new Error(
      `No business day within ${LONGEST_CLOSED_STRETCH_IN_DAYS} days from ${day.toFormat('yyyy-MM-dd')}; ` +
        'check the weekdays, holidays and closures in the business hours settings',
    );
  };

  const nextOpening = (instant: Date): Date => {
    const time = validInstant(instant).getTime();
    const period = periodAt(time);
    return new Date(period.open ? time : period.until);
  };

  const previousClosing = (instant: Date): Date => {
    const time = validInstant(instant).getTime();
    let day = localDayOf(instant);
    for (let searched = 0; searched < LONGEST_CLOSED_STRETCH_IN_DAYS; searched++) {
      if (isBusinessDay(day) && closingOn(day) <= time) return new Date(closingOn(day));
      day = day.minus({ days: 1 });
    }
    throw new Error(`No business day within ${LONGEST_CLOSED_STRETCH_IN_DAYS} days before ${localDayOf(instant).toFormat('yyyy-MM-dd')}`);
  };

  // Spends open time day by day: the rest of the first open day, then each following business day.
  const addOpenMilliseconds = (instant: Date, milliseconds: number): Date => {
    let remaining = milliseconds;
    let cursor = nextOpening(instant).getTime();
    let day = localDayOf(new Date(cursor));
    for (;;) {
      const openRestOfDay = closingOn(day) - cursor;
      // `<=` so that work ending exactly at closing time ends that day, not at the next opening.
      if (remaining <= openRestOfDay) return new Date(cursor + remaining);
      remaining -= openRestOfDay;
      day = firstBusinessDayFrom(day.plus({ days: 1 }));
      cursor = openingOn(day);
    }
  };

  return {
    settings: ownSettings,
    isWithinBusinessHours,
    nextOpening,
    previousClosing,
    addBusinessHours: (instant, hours) =>
      // Whole milliseconds, so that fractions such as 1/3 h do not leave floating-point dust.
      addOpenMilliseconds(validInstant(instant), Math.round(validAmount(hours, 'hours') * MILLISECONDS_PER_HOUR)),
    addBusinessDays: (instant, days) =>
      addOpenMilliseconds(validInstant(instant), Math.round(validAmount(days, 'days') * businessDayMilliseconds)),
    closureOn: (instant) => closureOnDay(localDayOf(validInstant(instant))),
  };
}

/** A stretch of time that is open, or closed, throughout: [from, until). */
interface Period {
  from: number;
  until: number;
  open: boolean;
}

/** The last periods worked out, newest first; a closed one grows back to the earliest instant asked within it. */
class KnownPeriods {
  private static readonly KEPT = 32;
  private readonly periods: Period[] = [];

  find(time: number): Period | undefined {
    return this.periods.find((period) => period.from <= time && time < period.until);
  }

  add(period: Period): Period {
    const same = this.periods.find((known) => known.open === period.open && known.until === period.until);
    if (same !== undefined) {
      same.from = Math.min(same.from, period.from);
      return same;
    }
    this.periods.unshift(period);
    if (this.periods.length > KnownPeriods.KEPT) this.periods.pop();
    return period;
  }
}

function validatedHours(settings: BusinessHoursSettings): { opens: TimeOfDay; closes: TimeOfDay } {
  if (!isValidTimeZone(settings.timeZone)) {
    throw new Error(`Unknown time zone "${settings.timeZone}"; expected an IANA zone such as "America/Los_Angeles"`);
  }
  const opens = parseTimeOfDay(settings.opens);
  if (opens === undefined) throw new Error(`Business hours "opens" must be 24-hour HH:mm, got "${settings.opens}"`);
  const closes = parseTimeOfDay(settings.closes);
  if (closes === undefined) throw new Error(`Business hours "closes" must be 24-hour HH:mm, got "${settings.closes}"`);
  if (minutesSinceMidnight(closes) <= minutesSinceMidnight(opens)) {
    throw new Error(`Business hours must close after they open, got ${settings.opens}–${settings.closes}`);
  }
  if (settings.weekdays.length === 0) throw new Error('Business hours need at least one open weekday');
  const badWeekday = settings.weekdays.find((weekday) => !(Number.isInteger(weekday) && weekday >= 1 && weekday <= 7));
  if (badWeekday !== undefined) {
    throw new Error(`Weekdays must be ISO weekdays 1 (Monday) to 7 (Sunday), got ${String(badWeekday)}`);
  }
  const badClosure = settings.closures.find((date) => !(ISO_DATE.test(date) && DateTime.fromISO(date).isValid));
  if (badClosure !== undefined) throw new Error(`Closure dates must be YYYY-MM-DD, got "${badClosure}"`);
  assertKnownHolidaySettings(settings.holidays);
  return { opens, closes };
}

function validInstant(instant: Date): Date {
  // An Invalid Date would otherwise read as "closed every day" and end in a misleading error.
  if (Number.isNaN(instant.getTime())) throw new RangeError('Expected a valid Date, got Invalid Date');
  return instant;
}

function validAmount(amount: number, unit: 'hours' | 'days'): number {
  if (!(Number.isFinite(amount) && amount >= 0)) {
    throw new RangeError(`Business ${unit} must be a finite number >= 0, got ${amount}`);
  }
  return amount;
}
