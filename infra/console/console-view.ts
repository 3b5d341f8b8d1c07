import { instantFormatter } from '../../shared/calendar/instant-formatter';

/** What every page of the console is rendered with, besides its own data. */
export interface ConsoleView {
  /** The page's path: the navigation marks it as the current page. */
  path: string;
  /** The CSRF token every form that changes state carries. */
  csrf: string;
  /** The business time zone: every time on the console is shown in it. */
  timeZone: string;
  /** An instant in the business time zone, e.g. `2026-11-23 06:00:01 PT`. */
  time(instant: string | Date | undefined): string;
  /** The Switchboard the console shows, e.g. "local runtime at http://localhost:3000" or "stack Switchboard". */
  target: string;
}

export function consoleView(input: { path: string; csrf: string; timeZone: string | undefined; target: string }): ConsoleView {
  const timeZone = input.timeZone ?? 'UTC';
  return { path: input.path, csrf: input.csrf, timeZone, time: instantFormatter(timeZone), target: input.target };
}
