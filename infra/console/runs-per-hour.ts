import { DateTime } from 'luxon';
import type { RunRecord, RunStatus } from '../../shared/runs/run';

export const RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'filtered', 'waiting', 'failed'];

/** The runs that started in one hour, by status. */
export interface HourBucket {
  /** The hour's start. */
  start: Date;
  counts: Record<RunStatus, number>;
}

/**
 * Runs counted per hour by status over the `hours` hours that end with the hour holding `now`, oldest
 * first. Hours are those of the business time zone (a zone half an hour off UTC has its own).
 *
 * @example
 * runsPerHour(runs, clock.now(), 24, 'America/Los_Angeles') // 24 buckets, the last one the current hour
 */
export function runsPerHour(runs: readonly Pick<RunRecord, 'startedAt' | 'status'>[], now: Date, hours: number, timeZone: string): HourBucket[] {
  const current = DateTime.fromJSDate(now, { zone: timeZone }).startOf('hour');
  const first = current.minus({ hours: hours - 1 }).toMillis();
  const buckets: HourBucket[] = Array.from({ length: hours }, (_, index) => ({
    start: new Date(first + index * 3_600_000),
    counts: { succeeded: 0, filtered: 0, waiting: 0, failed: 0 },
  }));
  for (const run of runs) {
    const index = Math.floor((Date.parse(run.startedAt) - first) / 3_600_000);
    const bucket = buckets[index];
    if (bucket !== undefined) bucket.counts[run.status] += 1;
  }
  return buckets;
}

/** The largest hourly total, for the chart's scale. */
export function busiestHour(buckets: readonly HourBucket[]): number {
  return Math.max(0, ...buckets.map((bucket) => RUN_STATUSES.reduce((sum, status) => sum + bucket.counts[status], 0)));
}
