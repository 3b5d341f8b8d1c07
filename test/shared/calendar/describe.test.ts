import { describe, expect, it } from 'vitest';
import type { BusinessHoursSettings } from '../../../shared/calendar/business-calendar';
import { describeBusinessHours, describeInstant } from '../../../shared/calendar/describe';

const pacificBusinessHours: BusinessHoursSettings = {
  timeZone: 'America/Los_Angeles',
  weekdays: [1, 2, 3, 4, 5],
  opens: '06:00',
  closes: '16:00',
  holidays: { country: 'US', types: ['public'] },
  closures: [],
};

describe('describeInstant', () => {
  it('reads "Monday, November 23 at 6:00 AM PT" for 2026-11-23T14:00:00Z in Los Angeles', () => {
    const mondayOpening = new Date('2026-11-23T14:00:00Z');

    const text = describeInstant(mondayOpening, 'America/Los_Angeles');

    expect(text).toBe('Monday, November 23 at 6:00 AM PT');
  });

  it('uses the same "PT" in summer and local afternoon times on a 12-hour clock', () => {
    const summerAfternoon = new Date('2026-07-02T20:30:00Z');

    const text = describeInstant(summerAfternoon, 'America/Los_Angeles');

    expect(text).toBe('Thursday, July 2 at 1:30 PM PT');
  });

  it('writes noon and midnight as 12:00 PM and 12:00 AM', () => {
    expect(describeInstant(new Date('2026-11-23T12:00:00-08:00'), 'America/Los_Angeles')).toBe(
      'Monday, November 23 at 12:00 PM PT',
    );
    expect(describeInstant(new Date('2026-11-23T00:00:00-08:00'), 'America/Los_Angeles')).toBe(
      'Monday, November 23 at 12:00 AM PT',
    );
  });

  it('describes the instant in the zone it is given, with that zone\u2019s abbreviation', () => {
    const mondayOpeningInLosAngeles = new Date('2026-11-23T14:00:00Z');

    const text = describeInstant(mondayOpeningInLosAngeles, 'America/New_York');

    expect(text).toBe('Monday, November 23 at 9:00 AM ET');
  });
});

describe('describeBusinessHours', () => {
  it('reads "Mon–Fri, 6:00 AM–4:00 PM PT" for the default Pacific settings', () => {
    const text = describeBusinessHours(pacificBusinessHours);

    expect(text).toBe('Mon–Fri, 6:00 AM–4:00 PM PT');
  });

  it('collapses consecutive weekdays into ranges and lists the others: [1, 2, 3, 5] → "Mon–Wed, Fri"', () => {
    const text = describeBusinessHours({ ...pacificBusinessHours, weekdays: [1, 2, 3, 5] });

    expect(text).toBe('Mon–Wed, Fri, 6:00 AM–4:00 PM PT');
  });

  it('orders and de-duplicates the weekdays it is given', () => {
    const text = describeBusinessHours({ ...pacificBusinessHours, weekdays: [5, 3, 1, 2, 2] });

    expect(text).toBe('Mon–Wed, Fri, 6:00 AM–4:00 PM PT');
  });

  it('keeps a week that runs through Sunday into Monday as one range: [7, 1, 2, 3, 4] → "Sun–Thu"', () => {
    const text = describeBusinessHours({ ...pacificBusinessHours, weekdays: [7, 1, 2, 3, 4] });

    expect(text).toBe('Sun–Thu, 6:00 AM–4:00 PM PT');
  });

  it('names a single open day on its own and every day as "Mon–Sun"', () => {
    expect(describeBusinessHours({ ...pacificBusinessHours, weekdays: [6] })).toBe('Sat, 6:00 AM–4:00 PM PT');
    expect(describeBusinessHours({ ...pacificBusinessHours, weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe(
      'Mon–Sun, 6:00 AM–4:00 PM PT',
    );
  });

  it('writes minutes, midnight and noon on a 12-hour clock in the settings\u2019 zone', () => {
    const text = describeBusinessHours({
      ...pacificBusinessHours,
      timeZone: 'America/New_York',
      opens: '00:00',
      closes: '12:30',
    });

    expect(text).toBe('Mon–Fri, 12:00 AM–12:30 PM ET');
  });
});
