import { createRequire } from 'node:module';
import type { HolidayRules } from '../../shared/calendar/holiday-rules';

/** Every country's rules from the installed date-holidays (a dev dependency), for tests of other countries. */
export const allHolidayRules = (createRequire(import.meta.url)('date-holidays/data') as { data: HolidayRules }).data;
