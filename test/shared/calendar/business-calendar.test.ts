import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  createBusinessCalendar,
  isValidTimeZone,
  type BusinessHoursSettings,
} from '../../../shared/calendar/business-calendar';
import { allHolidayRules } from '../../support/all-holiday-rules';
import { seededRandom } from '../../support/fuzz';

const pacificBusinessHours: BusinessHoursSettings = {
  timeZone: 'America/Los_Angeles',
  weekdays: [1, 2, 3, 4, 5],
  opens: '06:00',
  closes: '16:00',
  holidays: { country: 'US', types: ['public'] },
  closures: ['2026-12-24'],
};

const berlinBusinessHours: BusinessHoursSettings = {
  timeZone: 'Europe/Berlin',
  weekdays: [1, 2, 3, 4, 5],
  opens: '09:00',
  closes: '17:00',
  holidays: { country: 'DE', types: ['public'], rules: allHolidayRules },
  closures: [],
};

describe('business calendar', () => {
  const calendar = createBusinessCalendar(pacificBusinessHours);

  describe('opening hours on a weekday', () => {
    it('is closed at 05:59 PT and open at 06:00 PT in winter (PST)', () => {
      const beforeOpening = new Date('2026-01-14T05:59:00-08:00');
      const atOpening = new Date('2026-01-14T06:00:00-08:00');

      expect(calendar.isWithinBusinessHours(beforeOpening)).toBe(false);
      expect(calendar.isWithinBusinessHours(atOpening)).toBe(true);
    });

    it('is open at 15:59 PT and closed at 16:00 PT in winter (PST)', () => {
      const beforeClosing = new Date('2026-01-14T15:59:00-08:00');
      const atClosing = new Date('2026-01-14T16:00:00-08:00');

      expect(calendar.isWithinBusinessHours(beforeClosing)).toBe(true);
      expect(calendar.isWithinBusinessHours(atClosing)).toBe(false);
    });

    it('is closed at 05:59 PT and open at 06:00 PT in summer (PDT)', () => {
      const beforeOpening = new Date('2026-07-15T05:59:00-07:00');
      const atOpening = new Date('2026-07-15T06:00:00-07:00');

      expect(calendar.isWithinBusinessHours(beforeOpening)).toBe(false);
      expect(calendar.isWithinBusinessHours(atOpening)).toBe(true);
    });

    it('is open at 15:59 PT and closed at 16:00 PT in summer (PDT)', () => {
      const beforeClosing = new Date('2026-07-15T15:59:00-07:00');
      const atClosing = new Date('2026-07-15T16:00:00-07:00');

      expect(calendar.isWithinBusinessHours(beforeClosing)).toBe(true);
      expect(calendar.isWithinBusinessHours(atClosing)).toBe(false);
    });

    it('reports no closure on an ordinary business day', () => {
      const ordinaryWednesday = new Date('2026-01-14T03:00:00-08:00');

      expect(calendar.closureOn(ordinaryWednesday)).toBeUndefined();
    });
  });

  describe('weekends', () => {
    it('is closed all of Saturday and Sunday', () => {
      const saturdayMorning = new Date('2026-02-07T10:00:00-08:00');
      const sundayMorning = new Date('2026-02-08T10:00:00-08:00');

      expect(calendar.isWithinBusinessHours(saturdayMorning)).toBe(false);
      expect(calendar.isWithinBusinessHours(sundayMorning)).toBe(false);
      expect(calendar.closureOn(saturdayMorning)).toEqual({ kind: 'weekend' });
      expect(calendar.closureOn(sundayMorning)).toEqual({ kind: 'weekend' });
    });

    it('next opens on Monday at 06:00 when asked at Friday 16:00', () => {
      const fridayClosing = new Date('2026-02-06T16:00:00-08:00');

      const opening = calendar.nextOpening(fridayClosing);

      expect(opening).toEqual(new Date('2026-02-09T06:00:00-08:00'));
    });

    it('judges the day in Pacific Time, not UTC (Friday 17:00 PT is already Saturday in UTC)', () => {
      const fridayEvening = new Date('2026-02-06T17:00:00-08:00');

      expect(calendar.closureOn(fridayEvening)).toBeUndefined();
    });
  });

  describe('nextOpening', () => {
    it('returns the instant itself while open', () => {
      const tuesdayMidMorning = new Date('2026-01-13T09:17:23.456-08:00');

      const opening = calendar.nextOpening(tuesdayMidMorning);

      expect(opening).toEqual(tuesdayMidMorning);
    });

    it('returns 06:00 the same day when asked before opening on a business day', () => {
      const tuesdayBeforeDawn = new Date('2026-01-13T00:30:00-08:00');

      const opening = calendar.nextOpening(tuesdayBeforeDawn);

      expect(opening).toEqual(new Date('2026-01-13T06:00:00-08:00'));
    });
  });

  describe('previousClosing', () => {
    it('is the closing itself at 16:00, and that closing later the same evening', () => {
      expect(calendar.previousClosing(new Date('2026-01-13T16:00:00-08:00'))).toEqual(new Date('2026-01-13T16:00:00-08:00'));
      expect(calendar.previousClosing(new Date('2026-01-13T22:00:00-08:00'))).toEqual(new Date('2026-01-13T16:00:00-08:00'));
    });

    it('is the day before while open', () => {
      expect(calendar.previousClosing(new Date('2026-01-13T09:00:00-08:00'))).toEqual(new Date('2026-01-12T16:00:00-08:00'));
    });

    it('reaches back over a weekend and a Monday holiday (Labor Day) to Friday 16:00', () => {
      const tuesdayOpening = new Date('2026-09-08T06:00:00-07:00');

      expect(calendar.previousClosing(tuesdayOpening)).toEqual(new Date('2026-09-04T16:00:00-07:00'));
    });
  });

  describe('daylight saving time', () => {
    it('next opens at 06:00 PDT on Monday when asked early on spring-forward Sunday 2026-03-08', () => {
      const springForwardSunday = new Date('2026-03-08T01:30:00-08:00');

      const opening = calendar.nextOpening(springForwardSunday);

      expect(opening.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    });

    it('next opens at 06:00 PST on Monday when asked early on fall-back Sunday 2026-11-01', () => {
      const fallBackSunday = new Date('2026-11-01T01:30:00-07:00');

      const opening = calendar.nextOpening(fallBackSunday);

      expect(opening.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    });

    it('is still closed at 05:59 PDT on the Monday after spring forward (06:59 by the old offset)', () => {
      const mondayBeforeOpening = new Date('2026-03-09T05:59:00-07:00');

      expect(calendar.isWithinBusinessHours(mondayBeforeOpening)).toBe(false);
    });

    it('counts only open hours across the spring-forward weekend', () => {
      const fridayAfternoonPst = new Date('2026-03-06T15:00:00-08:00');

      const due = calendar.addBusinessHours(fridayAfternoonPst, 2);

      expect(due).toEqual(new Date('2026-03-09T07:00:00-07:00'));
    });
  });

  describe('holidays', () => {
    it('is closed on Juneteenth, Friday 2026-06-19', () => {
      const juneteenthMorning = new Date('2026-06-19T10:00:00-07:00');

      expect(calendar.isWithinBusinessHours(juneteenthMorning)).toBe(false);
      expect(calendar.closureOn(juneteenthMorning)).toEqual({ kind: 'holiday', name: 'Juneteenth' });
    });

    it('is closed on Friday 2026-07-03, when Saturday Independence Day is observed', () => {
      const observedIndependenceDay = new Date('2026-07-03T10:00:00-07:00');

      expect(calendar.isWithinBusinessHours(observedIndependenceDay)).toBe(false);
      expect(calendar.closureOn(observedIndependenceDay)).toEqual({
        kind: 'holiday',
        name: 'Independence Day (substitute day)',
      });
    });

    it('skips a Monday holiday: from Friday 16:00 before Martin Luther King Jr. Day it next opens Tuesday', () => {
      const fridayClosingBeforeLongWeekend = new Date('2026-01-16T16:00:00-08:00');

      const opening = calendar.nextOpening(fridayClosingBeforeLongWeekend);

      expect(opening).toEqual(new Date('2026-01-20T06:00:00-08:00'));
    });

    it('calls Saturday 2026-07-04 a weekend although it is Independence Day', () => {
      const independenceDay = new Date('2026-07-04T10:00:00-07:00');

      expect(calendar.closureOn(independenceDay)).toEqual({ kind: 'weekend' });
    });

    it('is closed on Thanksgiving 2026-11-26 and open the day after, which is only an observance', () => {
      const thanksgiving = new Date('2026-11-26T10:00:00-08:00');
      const dayAfterThanksgiving = new Date('2026-11-27T10:00:00-08:00');

      expect(calendar.isWithinBusinessHours(thanksgiving)).toBe(false);
      expect(calendar.closureOn(thanksgiving)).toEqual({ kind: 'holiday', name: 'Thanksgiving Day' });
      expect(calendar.isWithinBusinessHours(dayAfterThanksgiving)).toBe(true);
    });

    it('is closed on Friday 2021-12-31, when New Year\u2019s Day 2022 (a Saturday) is observed', () => {
      const newYearsEve2021 = new Date('2021-12-31T10:00:00-08:00');

      expect(calendar.isWithinBusinessHours(newYearsEve2021)).toBe(false);
      expect(calendar.closureOn(newYearsEve2021)).toEqual({ kind: 'holiday', name: "New Year's Day (substitute day)" });
    });

    it('stays open on holidays when no holiday types are configured', () => {
      const noHolidays = createBusinessCalendar({ ...pacificBusinessHours, holidays: { country: 'US', types: [] } });
      const juneteenthMorning = new Date('2026-06-19T10:00:00-07:00');

      expect(noHolidays.isWithinBusinessHours(juneteenthMorning)).toBe(true);
    });
  });

  describe('company closures', () => {
    it('is closed on a configured closure date', () => {
      const christmasEve = new Date('2026-12-24T10:00:00-08:00');

      expect(calendar.isWithinBusinessHours(christmasEve)).toBe(false);
      expect(calendar.closureOn(christmasEve)).toEqual({ kind: 'closure' });
    });

    it('skips a closure followed by a holiday and a weekend when looking for the next opening', () => {
      const christmasEve = new Date('2026-12-24T10:00:00-08:00');

      const opening = calendar.nextOpening(christmasEve);

      expect(opening).toEqual(new Date('2026-12-28T06:00:00-08:00'));
    });
  });

  describe('addBusinessHours', () => {
    it('counts from Monday 06:00 when starting on a Saturday: Saturday 11:00 + 4 h = Monday 10:00', () => {
      const saturdayLateMorning = new Date('2026-02-07T11:00:00-08:00');

      const due = calendar.addBusinessHours(saturdayLateMorning, 4);

      expect(due).toEqual(new Date('2026-02-09T10:00:00-08:00'));
    });

    it('carries the hours left at closing over the weekend: Friday 14:00 + 4 h = Monday 08:00', () => {
      const fridayAfternoon = new Date('2026-02-06T14:00:00-08:00');

      const due = calendar.addBusinessHours(fridayAfternoon, 4);

      expect(due).toEqual(new Date('2026-02-09T08:00:00-08:00'));
    });

    it('ends at closing time when the hours run out exactly then: Friday 12:00 + 4 h = Friday 16:00', () => {
      const fridayNoon = new Date('2026-02-06T12:00:00-08:00');

      const due = calendar.addBusinessHours(fridayNoon, 4);

      expect(due).toEqual(new Date('2026-02-06T16:00:00-08:00'));
    });

    it('accepts fractions of an hour', () => {
      const mondayOpening = new Date('2026-02-09T06:00:00-08:00');

      const due = calendar.addBusinessHours(mondayOpening, 1.25);

      expect(due).toEqual(new Date('2026-02-09T07:15:00-08:00'));
    });

    it('returns the next opening for zero hours from a closed instant', () => {
      const sundayNoon = new Date('2026-02-08T12:00:00-08:00');

      const due = calendar.addBusinessHours(sundayNoon, 0);

      expect(due).toEqual(new Date('2026-02-09T06:00:00-08:00'));
    });

    it('rejects negative and NaN hours with a RangeError', () => {
      const mondayOpening = new Date('2026-02-09T06:00:00-08:00');

      expect(() => calendar.addBusinessHours(mondayOpening, -1)).toThrow(RangeError);
      expect(() => calendar.addBusinessHours(mondayOpening, Number.NaN)).toThrow(RangeError);
    });

    it('rejects an Invalid Date with a RangeError', () => {
      expect(() => calendar.addBusinessHours(new Date('not a date'), 1)).toThrow(RangeError);
    });
  });

  describe('addBusinessDays', () => {
    it('moves whole business days over the weekend: Friday 10:00 + 2 days = Tuesday 10:00', () => {
      const fridayMorning = new Date('2026-02-06T10:00:00-08:00');

      const due = calendar.addBusinessDays(fridayMorning, 2);

      expect(due).toEqual(new Date('2026-02-10T10:00:00-08:00'));
    });

    it('spends a whole business day from a closed instant: Saturday + 1 day = Monday 16:00', () => {
      const saturdayMorning = new Date('2026-02-07T09:00:00-08:00');

      const due = calendar.addBusinessDays(saturdayMorning, 1);

      expect(due).toEqual(new Date('2026-02-09T16:00:00-08:00'));
    });

    it('skips Thanksgiving: Wednesday 2026-11-25 10:00 + 1 day = Friday 2026-11-27 10:00', () => {
      const dayBeforeThanksgiving = new Date('2026-11-25T10:00:00-08:00');

      const due = calendar.addBusinessDays(dayBeforeThanksgiving, 1);

      expect(due).toEqual(new Date('2026-11-27T10:00:00-08:00'));
    });

    it('rejects negative days with a RangeError', () => {
      expect(() => calendar.addBusinessDays(new Date('2026-02-09T06:00:00-08:00'), -0.5)).toThrow(RangeError);
    });
  });

  describe('other time zones', () => {
    const berlin = createBusinessCalendar(berlinBusinessHours);

    it('is open at 09:30 in Berlin while Los Angeles sleeps at 00:30', () => {
      const berlinMorning = new Date('2026-01-14T09:30:00+01:00');

      expect(berlin.isWithinBusinessHours(berlinMorning)).toBe(true);
      expect(calendar.isWithinBusinessHours(berlinMorning)).toBe(false);
    });

    it('is closed on a German public holiday (Easter Monday, 2026-04-06)', () => {
      const easterMonday = new Date('2026-04-06T10:00:00+02:00');

      expect(berlin.isWithinBusinessHours(easterMonday)).toBe(false);
      expect(berlin.closureOn(easterMonday)).toEqual({ kind: 'holiday', name: 'Ostermontag' });
    });

    it('next opens at 09:00 CEST after the European spring-forward Sunday 2026-03-29', () => {
      const saturdayBeforeSpringForward = new Date('2026-03-28T12:00:00+01:00');

      const opening = berlin.nextOpening(saturdayBeforeSpringForward);

      expect(opening.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    });

    it('opens on any configured weekdays, such as Sunday to Thursday', () => {
      const sundayToThursday = createBusinessCalendar({
        ...berlinBusinessHours,
        timeZone: 'Asia/Jerusalem',
        weekdays: [7, 1, 2, 3, 4],
        holidays: { country: 'IL', types: [], rules: allHolidayRules },
      });

      expect(sundayToThursday.isWithinBusinessHours(new Date('2026-02-08T10:00:00+02:00'))).toBe(true);
      expect(sundayToThursday.isWithinBusinessHours(new Date('2026-02-06T10:00:00+02:00'))).toBe(false);
    });
  });

  describe('settings', () => {
    it('keeps its own copy of the settings, unaffected by later changes to the caller\u2019s arrays', () => {
      const closures = ['2026-12-24'];
      const ownCalendar = createBusinessCalendar({ ...pacificBusinessHours, closures });

      closures.push('2026-12-23');

      expect(ownCalendar.isWithinBusinessHours(new Date('2026-12-23T10:00:00-08:00'))).toBe(true);
      expect(ownCalendar.settings.closures).toEqual(['2026-12-24']);
    });

    it('rejects an unknown time zone', () => {
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, timeZone: 'Pacific/Atlantis' })).toThrow(
        /Unknown time zone "Pacific\/Atlantis"/,
      );
    });

    it('rejects a closing time that is not after the opening time', () => {
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, opens: '16:00', closes: '16:00' })).toThrow(
        /close after they open/,
      );
    });

    it('rejects times that are not 24-hour HH:mm', () => {
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, opens: '6:00' })).toThrow(/"opens" must be/);
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, closes: '24:00' })).toThrow(/"closes" must be/);
    });

    it('rejects an empty list of weekdays', () => {
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, weekdays: [] })).toThrow(/at least one open weekday/);
    });

    it('rejects a closure date that is not YYYY-MM-DD', () => {
      expect(() => createBusinessCalendar({ ...pacificBusinessHours, closures: ['2026-02-30'] })).toThrow(
        /Closure dates must be YYYY-MM-DD/,
      );
    });

    it('rejects a holiday country date-holidays does not know', () => {
      expect(() =>
        createBusinessCalendar({ ...pacificBusinessHours, holidays: { country: 'XX', types: ['public'] } }),
      ).toThrow(/Unknown holiday country "XX"/);
    });

    it('gives up with an error instead of searching forever when no day ever opens', () => {
      const everyMondayFor4Years = Array.from({ length: 4 * 53 }, (_, week) =>
        DateTime.fromISO('2026-01-05').plus({ weeks: week }).toFormat('yyyy-MM-dd'),
      );
      const neverOpen = createBusinessCalendar({ ...pacificBusinessHours, weekdays: [1], closures: everyMondayFor4Years });

      expect(() => neverOpen.nextOpening(new Date('2026-01-05T10:00:00-08:00'))).toThrow(/No business day within/);
    });
  });

  describe('isValidTimeZone', () => {
    it('accepts IANA zones and rejects anything else', () => {
      expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
      expect(isValidTimeZone('Europe/Berlin')).toBe(true);
      expect(isValidTimeZone('Pacific Time')).toBe(false);
      expect(isValidTimeZone('')).toBe(false);
    });
  });

  describe('remembered periods', () => {
    it('answer every instant as a fresh calendar does, whatever order the questions come in', () => {
      const random = seededRandom(20261130);
      const start = Date.parse('2026-11-20T00:00:00-08:00');
      const instants = Array.from({ length: 600 }, () => new Date(start + Math.floor(random() * 21 * 86_400_000)));
      const remembering = createBusinessCalendar(pacificBusinessHours);

      const answers = instants.map((instant) => [remembering.isWithinBusinessHours(instant), remembering.nextOpening(instant).toISOString()]);

      const fresh = instants.map((instant) => {
        const calendar = createBusinessCalendar(pacificBusinessHours);
        return [calendar.isWithinBusinessHours(instant), calendar.nextOpening(instant).toISOString()];
      });
      expect(answers).toEqual(fresh);
    });

    it('answer the edges of a period exactly: the last closed millisecond and the opening', () => {
      const calendar = createBusinessCalendar(pacificBusinessHours);
      calendar.nextOpening(new Date('2026-11-21T12:00:00-08:00')); // a Saturday: closed until Monday

      expect(calendar.isWithinBusinessHours(new Date('2026-11-23T05:59:59.999-08:00'))).toBe(false);
      expect(calendar.isWithinBusinessHours(new Date('2026-11-23T06:00:00-08:00'))).toBe(true);
      expect(calendar.nextOpening(new Date('2026-11-20T16:00:00-08:00')).toISOString()).toBe('2026-11-23T14:00:00.000Z');
      expect(calendar.isWithinBusinessHours(new Date('2026-11-20T15:59:59.999-08:00'))).toBe(true);
    });
  });
});
