import Holidays from 'date-holidays-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertKnownHolidaySettings, holidayOn, type HolidaySettings } from '../../../shared/calendar/holidays';
import { allHolidayRules } from '../../support/all-holiday-rules';

const usFederalHolidays: HolidaySettings = { country: 'US', types: ['public'] };

describe('holiday lookup', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names Juneteenth on Friday 2026-06-19', () => {
    const name = holidayOn(usFederalHolidays, '2026-06-19');

    expect(name).toBe('Juneteenth');
  });

  it('observes Saturday Independence Day 2026 on Friday 2026-07-03', () => {
    const name = holidayOn(usFederalHolidays, '2026-07-03');

    expect(name).toBe('Independence Day (substitute day)');
  });

  it('observes New Year\u2019s Day 2022, a Saturday, on Friday 2021-12-31', () => {
    const name = holidayOn(usFederalHolidays, '2021-12-31');

    expect(name).toBe("New Year's Day (substitute day)");
  });

  it('observes a Sunday holiday on the Monday after (New Year\u2019s Day 2023 on 2023-01-02)', () => {
    const name = holidayOn(usFederalHolidays, '2023-01-02');

    expect(name).toBe("New Year's Day (substitute day)");
  });

  it('names Thanksgiving 2026-11-26 but not the day after, which is only an observance', () => {
    expect(holidayOn(usFederalHolidays, '2026-11-26')).toBe('Thanksgiving Day');
    expect(holidayOn(usFederalHolidays, '2026-11-27')).toBeUndefined();
  });

  it('includes observances when their type is configured', () => {
    const withObservances: HolidaySettings = { country: 'US', types: ['public', 'observance'] };

    const name = holidayOn(withObservances, '2026-11-27');

    expect(name).toBe('Day after Thanksgiving Day');
  });

  it('adds state holidays when a state is given (César Chávez Day in California)', () => {
    const california: HolidaySettings = { country: 'US', state: 'CA', types: ['public'] };

    expect(holidayOn(california, '2026-03-31')).toBe('César Chávez Day');
    expect(holidayOn(usFederalHolidays, '2026-03-31')).toBeUndefined();
  });

  it('finds nothing on an ordinary day', () => {
    const name = holidayOn(usFederalHolidays, '2026-01-14');

    expect(name).toBeUndefined();
  });

  it('computes each year once and answers repeated lookups from the cache', () => {
    const getHolidays = vi.spyOn(Holidays.prototype, 'getHolidays');

    holidayOn(usFederalHolidays, '2031-07-04');
    holidayOn(usFederalHolidays, '2031-12-25');
    holidayOn({ country: 'US', types: ['public'] }, '2031-01-01');
    holidayOn(usFederalHolidays, '2032-01-01');

    expect(getHolidays.mock.calls.map(([year]) => year)).toEqual([2031, 2032]);
  });
});

describe('holiday settings check', () => {
  it('accepts a known country, state and types', () => {
    expect(() => assertKnownHolidaySettings({ country: 'US', state: 'CA', types: ['public', 'bank'] })).not.toThrow();
  });

  it('rejects a country date-holidays does not know', () => {
    expect(() => assertKnownHolidaySettings({ country: 'XX', types: ['public'], rules: allHolidayRules })).toThrow(/Unknown holiday country "XX"/);
  });

  it('rejects a country whose rules are not bundled, saying how to add them', () => {
    expect(() => assertKnownHolidaySettings({ country: 'DE', types: ['public'] })).toThrow('the bundled holiday rules cover US; add a country with `npm run holidays:pick -- US,DE`');
  });

  it('accepts any country date-holidays knows when given its full rules', () => {
    expect(() => assertKnownHolidaySettings({ country: 'DE', state: 'BY', types: ['public'], rules: allHolidayRules })).not.toThrow();
  });

  it('rejects a state the country does not have', () => {
    expect(() => assertKnownHolidaySettings({ country: 'US', state: 'ZZ', types: ['public'] })).toThrow(
      /Unknown holiday state "ZZ"/,
    );
  });

  it('rejects a holiday type date-holidays does not use', () => {
    expect(() => assertKnownHolidaySettings({ country: 'US', types: ['federal'] })).toThrow(/Unknown holiday type "federal"/);
  });
});
