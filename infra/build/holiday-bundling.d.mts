import type { Plugin } from 'esbuild';
import type { HolidayRules } from '../../shared/calendar/holiday-rules';

/** The calendars some rule of `rules` needs (julian, hebrew, islamic, jalaali, equinox, chinese, bengali). */
export function calendarsUsedBy(rules: HolidayRules): Set<string>;
/** Removes the `#ifndef no<calendar>` … `#endif` blocks of the calendars not in `keep`. */
export function withoutCalendars(source: string, keep: ReadonlySet<string>): string;
/** esbuild options (alias and plugin) for a bundle that carries the bundled holiday rules. */
export function holidayBundling(): Promise<{ alias: Record<string, string>; plugins: Plugin[] }>;
