import type { HolidayRules } from '../../shared/calendar/holiday-rules';

/** The file the picked rules are written to. */
export const RULES_FILE: string;
/** date-holidays' data with only `countries` kept. */
export function pickHolidayRules(countries: readonly string[]): HolidayRules;
/** The countries in the committed file. */
export function pickedCountries(): Promise<string[]>;
