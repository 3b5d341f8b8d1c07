import { describe, expect, it } from 'vitest';
import { pickedCountries, pickHolidayRules } from '../../../infra/build/pick-holiday-rules.mjs';
import { bundledHolidayRules } from '../../../shared/calendar/holiday-rules';

describe('the bundled holiday rules', () => {
  it('are exactly what the installed date-holidays has for the picked countries (run `npm run holidays:pick` after an upgrade)', async () => {
    const countries = await pickedCountries();

    expect(countries).toContain('US');
    expect(bundledHolidayRules).toEqual(pickHolidayRules(countries));
  });
});
