/**
 * Slack's message timestamps ("1763811000.000200") are seconds.microseconds since the epoch and double
 * as message ids. The time a message was posted is its ts, whenever it reached us.
 */
export function slackTsToDate(ts: string): Date {
  const [seconds = '0', fraction = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(fraction.padEnd(6, '0').slice(0, 6)) / 1000));
}

/** A ts for an instant (microseconds from `sequence`, to keep several in one millisecond apart). */
export function dateToSlackTs(date: Date, sequence = 0): string {
  const ms = date.getTime();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + (sequence % 1000)).padStart(6, '0')}`;
}
