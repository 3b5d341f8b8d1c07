import { describe, expect, it } from 'vitest';
import { answeredWatches } from '../../../functions/first-response/answered-watches';
import { responseDeadline } from '../../../functions/first-response/response-deadline';
import type { Watch } from '../../../functions/first-response/watch-store';
import { createBusinessCalendar } from '../../../shared/calendar/business-calendar';

const calendar = createBusinessCalendar({
  timeZone: 'America/Los_Angeles',
  weekdays: [1, 2, 3, 4, 5],
  opens: '06:00',
  closes: '16:00',
  holidays: { country: 'US', types: ['public'] },
  closures: [],
});
const DEFAULTS = { withinBusinessHours: '1h', outsideBusinessHours: '4h' };

describe('response deadline', () => {
  it.each([
    ['Monday 10:00, within business hours', '2026-11-23T10:00:00-08:00', '2026-11-23T11:00:00-08:00', true],
    ['Friday 15:30: the business hour runs on Monday', '2026-11-20T15:30:00-08:00', '2026-11-23T06:30:00-08:00', true],
    ['Sunday 22:00, outside: four hours on the clock', '2026-11-22T22:00:00-08:00', '2026-11-23T02:00:00-08:00', false],
    ['Thanksgiving 11:00, a holiday', '2026-11-26T11:00:00-08:00', '2026-11-26T15:00:00-08:00', false],
  ])('is due %s', (_case, postedAt, dueAt, within) => {
    expect(responseDeadline(new Date(postedAt), calendar, DEFAULTS)).toEqual({ dueAt: new Date(dueAt), within });
  });
});

describe('which watches a message touches', () => {
  const watch = (ts: string, threadTs: string, user = 'U0CUSTOMER1'): Watch => ({ channel: 'C0ACMEPROD', ts, threadTs, user, customer: 'Acme', excerpt: '', dueAt: '', timerId: `t${ts}` });
  const topLevel = watch('1795000000.000100', '1795000000.000100');
  const inThread = watch('1795000100.000100', '1794000000.000100');

  it('a team message at the top of the channel answers every earlier one', () => {
    expect(answeredWatches([topLevel, inThread], { ts: '1795000200.000100', threadTs: undefined })).toEqual([topLevel, inThread]);
    expect(answeredWatches([topLevel, inThread], { ts: '1795000050.000100', threadTs: undefined })).toEqual([topLevel]);
  });

  it('a team reply in a thread answers that thread only', () => {
    expect(answeredWatches([topLevel, inThread], { ts: '1795000200.000100', threadTs: '1794000000.000100' })).toEqual([inThread]);
  });
});
