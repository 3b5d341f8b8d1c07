import { describe, expect, it } from 'vitest';
import { clockStatus } from '../../../infra/local/banner-clock';
import { createBusinessCalendar } from '../../../shared/calendar/business-calendar';

const pacific = createBusinessCalendar({
  timeZone: 'America/Los_Angeles',
  weekdays: [1, 2, 3, 4, 5],
  opens: '06:00',
  closes: '16:00',
  holidays: { country: 'US', types: ['public'] },
  closures: [],
});

describe('the clock the banner tells', () => {
  it('in business hours: open until the closing, with the first whole hour after it to try', () => {
    const status = clockStatus(pacific, new Date('2026-11-30T10:30:00-08:00'), undefined);
    expect(status).toEqual({
      fixedStart: undefined,
      open: true,
      now: 'Monday, November 30 at 10:30 AM PT',
      changesAt: 'Monday, November 30 at 4:00 PM PT',
      afterHoursExample: { at: '2026-11-30T16:00', instant: '2026-11-30T16:00:00-08:00' },
    });
  });

  it('after hours: closed until the next opening, past the weekend and a holiday', () => {
    const status = clockStatus(pacific, new Date('2026-11-25T17:00:00-08:00'), '2026-11-25T17:00:00-08:00');
    expect(status).toEqual({
      fixedStart: '2026-11-25T17:00:00-08:00',
      open: false,
      now: 'Wednesday, November 25 at 5:00 PM PT',
      changesAt: 'Friday, November 27 at 6:00 AM PT'
    });
  });

  it('a closing at a half hour: the example is the whole hour after it', () => {
    const halfPast = createBusinessCalendar({ ...pacific.settings, closes: '16:30' });
    const status = clockStatus(halfPast, new Date('2026-11-30T15:59:00-08:00'), undefined);
    expect(status.changesAt).toBe('Monday, November 30 at 4:30 PM PT');
    expect(status.open && status.afterHoursExample).toEqual({ at: '2026-11-30T17:00', instant: '2026-11-30T17:00:00-08:00' });
  });

  it('closed for one minute a day: the example is that minute, not the whole hour after it (open again)', () => {
    const nearlyAlways = createBusinessCalendar({ ...pacific.settings, weekdays: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59', holidays: { country: 'US', types: [] } });
    const status = clockStatus(nearlyAlways, new Date('2026-11-30T10:00:00-08:00'), undefined);
    expect(status.changesAt).toBe('Monday, November 30 at 11:59 PM PT');
    expect(status.open && status.afterHoursExample).toEqual({ at: '2026-11-30T23:59', instant: '2026-11-30T23:59:00-08:00' });
  });
});
