import HolidaysParser from 'date-holidays-parser';
import { bundledHolidayRules, type HolidayRules } from './holiday-rules';

/** Which holiday calendar closes the business, e.g. { country: 'US', types: ['public'] }. */
export interface HolidaySettings {
  country: string;
  state?: string;
  types: readonly string[];
  /** The rules to read them from (default: the bundled ones, `holiday-rules.ts`). */
  rules?: HolidayRules;
}

/** Holiday names by local date ('YYYY-MM-DD') for one calendar and year. */
type HolidaysByDate = ReadonlyMap<string, string>;

const KNOWN_HOLIDAY_TYPES: readonly string[] = ['public', 'bank', 'optional', 'school', 'observance'];

// Building a year's holidays costs a few milliseconds and lookups happen on every Slack
// message, so each (rules, calendar, year) is computed once per process.
const holidaysByRules = new WeakMap<HolidayRules, Map<string, HolidaysByDate>>();
const calendarsByRules = new WeakMap<HolidayRules, Map<string, HolidaysParser>>();

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
 * Throws an Error when the rules do not know the country, state or a holiday type — date-holidays
 * itself would silently return no holidays, leaving the business open on them.
 * @example assertKnownHolidaySettings({ country: 'US', state: 'CA', types: ['public'] }) // passes
 */
export function assertKnownHolidaySettings(settings: HolidaySettings): void {
  const rules = settings.rules ?? bundledHolidayRules;
  const country = settings.country.toUpperCase();
  const countries = new HolidaysParser(rules).getCountries() ?? {};
  if (!(country in countries)) {
    const known = Object.keys(countries).join(', ');
    throw new Error(
      `Unknown holiday country "${settings.country}": the bundled holiday rules cover ${known}; add a country with \`npm run holidays:pick -- ${[...Object.keys(countries), country].join(',')}\``,
    );
  }
  if (settings.state !== undefined) {
    const states = new HolidaysParser(rules).getStates(country) ?? {};
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
  const rules = settings.rules ?? bundledHolidayRules;
  let cache = holidaysByRules.get(rules);
  if (cache === undefined) {
    cache = new Map();
    holidaysByRules.set(rules, cache);
  }
  const key = `${regionKey(settings)}|${[...settings.types].sort().join(',')}|${year}`;
  let holidays = cache.get(key);
  if (holidays === undefined) {
    holidays = computeHolidaysIn(settings, rules, year);
    cache.set(key, holidays);
  }
  return holidays;
}

function computeHolidaysIn(settings: HolidaySettings, rules: HolidayRules, year: number): HolidaysByDate {
  const holidays = new Map<string, string>();
  for (const holiday of calendarFor(settings, rules).getHolidays(year)) {
    if (!settings.types.includes(holiday.type)) continue;
    // `date` is the local calendar date ('2026-07-03 00:00:00'); `start`/`end` are instants in
    // the process time zone, which would shift the day. A year's list already holds substitute
    // days that fall in it (2021-12-31 for New Year's Day 2022), so one year is enough.
    const localDate = holiday.date.slice(0, 10);
    if (!holidays.has(localDate)) holidays.set(localDate, holiday.name);
  }
  return holidays;
}

function calendarFor(settings: HolidaySettings, rules: HolidayRules): HolidaysParser {
  let calendars = calendarsByRules.get(rules);
  if (calendars === undefined) {
    calendars = new Map();
    calendarsByRules.set(rules, calendars);
  }
  const key = regionKey(settings);
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    calendar = settings.state === undefined ? new HolidaysParser(rules, settings.country) : new HolidaysParser(rules, settings.country, settings.state);
    calendars.set(key, calendar);
  }
  return calendar;
}

function regionKey(settings: HolidaySettings): string {
  return `${settings.country.toUpperCase()}|${settings.state?.toUpperCase() ?? ''}`;
}
