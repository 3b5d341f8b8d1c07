// The holiday rules Switchboard bundles: the countries picked out of date-holidays' data (its own
// recommended way to keep bundles small), written to shared/calendar/holiday-rules.json.
//
//   npm run holidays:pick              # the default: US
//   npm run holidays:pick -- US,DE     # more countries
//
// A test compares the committed file with the installed date-holidays, so an upgrade that changes the
// rules fails until the file is picked again.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const RULES_FILE = fileURLToPath(new URL('../../shared/calendar/holiday-rules.json', import.meta.url));

/** date-holidays' data with only `countries` (ISO codes) kept. */
export function pickHolidayRules(countries) {
  const { data } = require('date-holidays/data');
  const holidays = {};
  for (const country of countries) {
    const rules = data.holidays[country.toUpperCase()];
    if (rules === undefined) throw new Error(`date-holidays has no country ${country}`);
    holidays[country.toUpperCase()] = rules;
  }
  return { version: data.version, license: data.license, holidays, names: data.names };
}

/** The countries in the committed file. */
export async function pickedCountries() {
  return Object.keys(JSON.parse(await readFile(RULES_FILE, 'utf8')).holidays);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const countries = (process.argv[2] ?? 'US').split(',').map((c) => c.trim()).filter(Boolean);
  await writeFile(RULES_FILE, `${JSON.stringify(pickHolidayRules(countries))}\n`);
  process.stdout.write(`wrote the holiday rules of ${countries.join(', ')} to ${RULES_FILE}\n`);
}
