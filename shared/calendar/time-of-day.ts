/** A wall-clock time within a day, as written in config ('06:00'). */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

// Two-digit 24-hour clock only: '6:00' or '24:00' in config is more likely a typo than intent.
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses a 24-hour 'HH:mm' time, or returns undefined when it is not one.
 * @example parseTimeOfDay('16:30') // { hour: 16, minute: 30 }
 */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * Minutes from midnight, for comparing and measuring times of day.
 * @example minutesSinceMidnight({ hour: 6, minute: 30 }) // 390
 */
export function minutesSinceMidnight(time: TimeOfDay): number {
  return time.hour * 60 + time.minute;
}

/**
 * The time on a 12-hour clock, as people in the U.S. read it.
 * @example formatTwelveHour({ hour: 16, minute: 0 }) // '4:00 PM'
 */
export function formatTwelveHour(time: TimeOfDay): string {
  const period = time.hour < 12 ? 'AM' : 'PM';
  const hour = time.hour % 12 === 0 ? 12 : time.hour % 12;
  return `${hour}:${String(time.minute).padStart(2, '0')} ${period}`;
}
