import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { calendarsUsedBy, holidayBundling, withoutCalendars } from '../../../infra/build/holiday-bundling.mjs';
import { bundledHolidayRules } from '../../../shared/calendar/holiday-rules';
import { allHolidayRules } from '../../support/all-holiday-rules';

describe('holiday bundling', () => {
  it('finds no calendar beyond Gregorian and Easter in the bundled U.S. rules', () => {
    expect([...calendarsUsedBy(bundledHolidayRules)]).toEqual([]);
  });

  it('finds the calendars other countries need', () => {
    const pick = (...countries: string[]) => ({ holidays: Object.fromEntries(countries.map((c) => [c, allHolidayRules.holidays[c]])) });

    expect(calendarsUsedBy(pick('IL'))).toContain('hebrew');
    expect(calendarsUsedBy(pick('JP'))).toContain('equinox');
    expect(calendarsUsedBy(pick('SA'))).toContain('islamic');
    expect(calendarsUsedBy(pick('CN'))).toContain('chinese');
  });

  it("removes only the factory's blocks of the calendars not kept", async () => {
    const factory = await readFile('node_modules/date-holidays-parser/src/CalEventFactory.js', 'utf8');

    const stripped = withoutCalendars(factory, new Set(['hebrew']));

    expect(stripped).toContain("import Hebrew from './Hebrew.js'");
    expect(stripped).toContain('return new Hebrew(opts)');
    expect(stripped).not.toContain('Equinox');
    expect(stripped).not.toContain('Chinese');
    expect(stripped).toContain('return new Easter(opts)');
  });

  it('gives a bundle the very holidays the full library gives, for 2020–2035', { timeout: 60_000 }, async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'switchboard-holiday-bundle-'));
    try {
      const bundling = await holidayBundling();
      const result = await build({
        entryPoints: ['test/fixtures/bundling/print-holidays.ts'],
        outfile: join(outdir, 'print-holidays.cjs'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        alias: bundling.alias,
        plugins: bundling.plugins,
        metafile: true,
        logLevel: 'error',
      });
      const bundled = JSON.parse(execFileSync(process.execPath, [join(outdir, 'print-holidays.cjs')], { encoding: 'utf8' })) as string[];
      const unbundled = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/bundling/print-holidays.ts'], { encoding: 'utf8' })) as string[];

      expect(bundled).toEqual(unbundled);
      expect(bundled).toContain('US 1 2026-11-26 Thanksgiving Day');
      const inputs = Object.keys(result.metafile.inputs).join('\n');
      expect(inputs).not.toContain('astronomia');
      expect(inputs).toContain('moment-timezone-with-data-10-year-range');
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
