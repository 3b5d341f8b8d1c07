import type { BusinessHoursSettings, Weekday } from './business-calendar';
import { formatTwelveHour, parseTimeOfDay, type TimeOfDay } from './time-of-day';

const WEEKDAY_ABBREVIATIONS: Record<Weekday, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat', 7: 'Sun' };
const EN_DASH = '–';

// Generic zone names ("PT", not "PST"/"PDT") do not change with daylight saving time, so any
// fixed instant names the zone; a fixed one keeps describeBusinessHours a pure function.
const ZONE_NAME_REFERENCE_INSTANT = new Date('2026-01-01T12:00:00Z');

// Intl.DateTimeFormat is slow to construct and these run for every Slack message.
const instantFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneNames = new Map<string, string>();
// Formatting itself costs a tenth of a millisecond, and the same few minutes (the next opening, the
// current minute) are described for every message of a night: the last descriptions are kept, by minute
// (what the description shows; zone offsets change on minute boundaries only).
const descriptions = new Map<string, string>();
const DESCRIPTIONS_KEPT = 256;

/**
 * The instant as people read it in the given zone, with the zone's generic abbreviation
 * (for zones without one Intl gives e.g. "GMT+1" or "Germany Time").
 * @example describeInstant(new Date('2026-11-23T14:00:00Z'), 'America/Los_Angeles') // 'Monday, November 23 at 6:00 AM PT'
 */
export function describeInstant(instant: Date, timeZone: string): string {
  const key = `${Math.floor(instant.getTime() / 60_000)}|${timeZone}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    const parts = partsOf(instantFormatter(timeZone).formatToParts(instant));
    // Assembled from parts rather than Intl's own pattern, whose separators (", " or " at ",
    // a narrow no-break space before AM) change between ICU versions.
    description = `${parts.weekday}, ${parts.month} ${parts.day} at ${parts.hour}:${parts.minute} ${parts.dayPeriod} ${parts.timeZoneName}`;
    if (descriptions.size >= DESCRIPTIONS_KEPT) descriptions.delete(descriptions.keys().next().value as string);
    descriptions.set(key, description);
  }
  return description;
}

/**
 * The opening hours in one line, collapsing consecutive weekdays into ranges.
 * @example describeBusinessHours(pacificSettings) // 'Mon–Fri, 6:00 AM–4:00 PM PT'
 * @example weekdays [1, 2, 3, 5] // 'Mon–Wed, Fri, 6:00 AM–4:00 PM PT'
 */
export function describeBusinessHours(settings: BusinessHoursSettings): string {
  const opens = formatTwelveHour(requiredTimeOfDay(settings.opens));
  const closes = formatTwelveHour(requiredTimeOfDay(settings.closes));
  return `${describeWeekdays(settings.weekdays)}, ${opens}${EN_DASH}${closes} ${zoneName(settings.timeZone)}`;
}

function describeWeekdays(weekdays: readonly Weekday[]): string {
  return weekdayRuns(weekdays)
    .map((run) => {
      const first = WEEKDAY_ABBREVIATIONS[run[0]];
      const last = WEEKDAY_ABBREVIATIONS[run.at(-1) ?? run[0]];
      return run.length === 1 ? first : `${first}${EN_DASH}${last}`;
    })
    .join(', ');
}

type WeekdayRun = [Weekday, ...Weekday[]];

/** Consecutive open days, in week order; a run through Sunday into Monday stays one run (Sun–Thu). */
function weekdayRuns(weekdays: readonly Weekday[]): WeekdayRun[] {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  const runs: WeekdayRun[] = [];
  for (const weekday of sorted) {
    const current = runs[runs.length - 1];
    if (current !== undefined && current.at(-1) === weekday - 1) current.push(weekday);
    else runs.push([weekday]);
  }
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length > 1 && first !== undefined && last !== undefined && first[0] === 1 && last.at(-1) === 7) {
    runs.pop();
    runs[0] = [...last, ...first];
  }
  return runs;
}

function requiredTimeOfDay(text: string): TimeOfDay {
  const time = parseTimeOfDay(text);
  if (time === undefined) throw new Error(`Expected a 24-hour HH:mm time, got "${text}"`);
  return time;
}

function zoneName(timeZone: string): string {
  let name = zoneNames.get(timeZone);
  if (name === undefined) {
    const formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortGeneric' });
    name = partsOf(formatter.formatToParts(ZONE_NAME_REFERENCE_INSTANT)).timeZoneName;
    zoneNames.set(timeZone, name);
  }
  return name;
}

function instantFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = instantFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZoneName: 'shortGeneric',
    });
    instantFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type DisplayedPart = 'weekday' | 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod' | 'timeZoneName';

function partsOf(parts: readonly Intl.DateTimeFormatPart[]): Record<DisplayedPart, string> {
  const valueOf = (type: DisplayedPart): string => parts.find((part) => part.type === type)?.value ?? '';
  return {
    weekday: valueOf('weekday'),
    month: valueOf('month'),
    day: valueOf('day'),
    hour: valueOf('hour'),
    minute: valueOf('minute'),
    dayPeriod: valueOf('dayPeriod'),
    timeZoneName: valueOf('timeZoneName'),
  };
}
