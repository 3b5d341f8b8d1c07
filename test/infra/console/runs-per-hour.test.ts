import { describe, expect, it } from 'vitest';
import { busiestHour, runsPerHour } from '../../../infra/console/runs-per-hour';

const NOW = new Date('2026-11-23T14:35:00.000Z'); // 06:35 in Los Angeles

describe('runs per hour', () => {
  it('counts runs by status in the hours that end with the current one, oldest first', () => {
    const buckets = runsPerHour(
      [
        { startedAt: '2026-11-23T14:01:00.000Z', status: 'succeeded' },
        { startedAt: '2026-11-23T14:34:59.000Z', status: 'failed' },
        { startedAt: '2026-11-23T13:59:59.999Z', status: 'filtered' },
        { startedAt: '2026-11-23T12:00:00.000Z', status: 'waiting' },
      ],
      NOW,
      3,
      'America/Los_Angeles',
    );

    expect(buckets.map((bucket) => bucket.start.toISOString())).toEqual(['2026-11-23T12:00:00.000Z', '2026-11-23T13:00:00.000Z', '2026-11-23T14:00:00.000Z']);
    expect(buckets.map((bucket) => bucket.counts)).toEqual([
      { succeeded: 0, filtered: 0, waiting: 1, failed: 0 },
      { succeeded: 0, filtered: 1, waiting: 0, failed: 0 },
      { succeeded: 1, filtered: 0, waiting: 0, failed: 1 },
    ]);
  });

  it('leaves out runs before the first hour and after now', () => {
    const buckets = runsPerHour(
      [
        { startedAt: '2026-11-23T11:59:59.000Z', status: 'succeeded' },
        { startedAt: '2026-11-23T15:00:00.000Z', status: 'succeeded' },
      ],
      NOW,
      3,
      'America/Los_Angeles',
    );

    expect(busiestHour(buckets)).toBe(0);
  });

  it('starts hours on the business time zone’s hour, even where it is half an hour off UTC', () => {
    const [only] = runsPerHour([], NOW, 1, 'Asia/Kolkata'); // 20:05 in Kolkata

    expect(only?.start.toISOString()).toBe('2026-11-23T14:30:00.000Z');
  });

  it('makes 168 hours of the last 7 days', () => {
    const week = runsPerHour([{ startedAt: '2026-11-17T08:00:00.000Z', status: 'succeeded' }], NOW, 168, 'America/Los_Angeles');

    expect(week).toHaveLength(168);
    expect(week.reduce((sum, bucket) => sum + bucket.counts.succeeded, 0)).toBe(1);
  });

  it('says how many runs the busiest hour had', () => {
    const buckets = runsPerHour(
      [
        { startedAt: '2026-11-23T14:01:00.000Z', status: 'succeeded' },
        { startedAt: '2026-11-23T14:02:00.000Z', status: 'failed' },
        { startedAt: '2026-11-23T13:02:00.000Z', status: 'failed' },
      ],
      NOW,
      24,
      'UTC',
    );

    expect(busiestHour(buckets)).toBe(2);
  });
});
