import Holidays from 'date-holidays';

/** Which date-holidays calendar closes the business, e.g. { country: 'US', types: ['public'] }. */
export interface HolidaySettings {
  country: string;
  state?: string;
  types: readonly string[];
}

/** Holiday names by local date ('YYYY-MM-DD') for one calendar and year. */
type HolidaysByDate = ReadonlyMap<string, string>;

const KNOWN_HOLIDAY_TYPES: readonly string[] = ['public', 'bank', 'optional', 'school', 'observance'];

// Building a year's holidays costs a few milliseconds and lookups happen on every Slack
// message, so each (calendar, year) is computed once per process.
const holidaysByCalendarAndYear = new Map<string, HolidaysByDate>();
const holidayCalendars = new Map<string, Holidays>();
let countryNames: Readonly<Record<string, string>> | undefined;

/**
 * The name of the holiday observed on a local calendar date, or undefined when there is none.
 * Observed substitute days count: for U.S. public holidays a Saturday holiday is observed on
 * the Friday before and a Sunday one on the Monday after.
 * @example holidayOn({ country: 'US', types: ['public'] }, '2026-07-03') // 'Independence Day (substitute day)'
 */
export function holidayOn(settings: HolidaySettings, localDate: string): string | undefined {
  const year = Number(localDate.slice(0, 4));
  return holidaysIn(settings, year).get(localDate);
}

/**
 * Throws an Error when date-holidays does not know the country, state or a holiday type —
 * date-holidays itself would silently return no holidays, leaving the business open on them.
 * @example assertKnownHolidaySettings({ country: 'US', state: 'CA', types: ['public'] }) // passes
 */
export function assertKnownHolidaySettings(settings: HolidaySettings): void {
  const country = settings.country.toUpperCase();
  countryNames ??= new Holidays().getCountries();
  if (!(country in countryNames)) {
    throw new Error(`Unknown holiday country "${settings.country}"; expected a code such as "US" or "DE"`);
  }
  if (settings.state !== undefined) {
    const states = new Holidays().getStates(country) ?? {};
    if (!(settings.state.toUpperCase() in states)) {
      throw new Error(`Unknown holiday state "${settings.state}" for country "${settings.country}"`);
    }
  }
  const unknownType = settings.types.find((type) => !KNOWN_HOLIDAY_TYPES.includes(type));
  if (unknownType !== undefined) {
    throw new Error(`Unknown holiday type "${unknownType}"; expected one of ${KNOWN_HOLIDAY_TYPES.join(', ')}`);
  }
}

function holidaysIn(settings: HolidaySettings, year: number): HolidaysByDate {
  const key = `${regionKey(settings)}|${[...settings.types].sort().join(',')}|${year}`;
  let holidays = holidaysByCalendarAndYear.get(key);
  if (holidays === undefined) {
    holidays = computeHolidaysIn(settings, year);
    holidaysByCalendarAndYear.set(key, holidays);
  }
  return holidays;
}

function computeHolidaysIn(settings: HolidaySettings, year: number): HolidaysByDate {
  const holidays = new Map<string, string>();
  for (const holiday of calendarFor(settings).getHolidays(year)) {
    if (!settings.types.includes(holiday.type)) continue;
    // `date` is the local calendar date ('2026-07-03 00:00:00'); `start`/`end` are instants in
    // the process time zone, which would shift the day. A year's list already holds substitute
    // days that fall in it (2021-12-31 for New Year's Day 2022), so one year is enough.
    const localDate = holiday.date.slice(0, 10);
    if (!holidays.has(localDate)) holidays.set(localDate, holiday.name);
  }
  return holidays;
}

function calendarFor(settings: HolidaySettings): Holidays {
  const key = regionKey(settings);
  let calendar = holidayCalendars.get(key);
  if (calendar === undefined) {
    calendar =
      settings.state === undefined
        ? new Holidays(settings.country)
        : new Holidays(settings.country, settings.state);
    holidayCalendars.set(key, calendar);
  }
  return calendar;
}

function regionKey(settings: HolidaySettings): string {
  return `${settings.country.toUpperCase()}|${settings.state?.toUpperCase() ?? ''}`;
}
