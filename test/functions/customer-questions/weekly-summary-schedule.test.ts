import { describe, expect, it } from 'vitest';
import { nextWeeklySummary, weekBefore } from '../../../functions/customer-questions/weekly-summary-schedule';

const FRIDAYS_AT_THREE = { day: 'Fri', at: '15:00', timeZone: 'America/Los_Angeles' } as const;

describe('weekly summary schedule', () => {
  it.each([
    ['a Wednesday', '2026-11-18T10:00:00-08:00', '2026-11-20T15:00:00-08:00'],
    ['Friday a minute before', '2026-11-20T14:59:00-08:00', '2026-11-20T15:00:00-08:00'],
    ['Friday at the minute', '2026-11-20T15:00:00-08:00', '2026-11-27T15:00:00-08:00'],
    ['a Saturday', '2026-11-21T09:00:00-08:00', '2026-11-27T15:00:00-08:00'],
  ])('puts a question added on %s in the next Friday 15:00 summary', (_case, addedAt, summaryAt) => {
    expect(nextWeeklySummary(new Date(addedAt), FRIDAYS_AT_THREE)).toEqual(new Date(summaryAt));
  });

  it('keeps the wall-clock time across the end of daylight saving time', () => {
    const summaryAt = nextWeeklySummary(new Date('2026-11-02T09:00:00-08:00'), FRIDAYS_AT_THREE);

    expect(summaryAt).toEqual(new Date('2026-11-06T15:00:00-08:00'));
    expect(weekBefore(summaryAt, 'America/Los_Angeles')).toEqual(new Date('2026-10-30T15:00:00-07:00'));
  });
});
