import rules from './holiday-rules.json';

/** date-holidays' data format: rules per country, and the holiday names they refer to. */
export interface HolidayRules {
  version?: string;
  holidays: Record<string, unknown>;
  names?: Record<string, unknown>;
}

/**
 * The holiday rules Switchboard bundles: the countries picked out of the maintained date-holidays data
 * by `npm run holidays:pick` (the U.S. by default), so that a function loads one country's rules rather
 * than the world's, with their time-zone and astronomy data. A test keeps the file equal to the
 * installed date-holidays.
 */
export const bundledHolidayRules: HolidayRules = rules;
