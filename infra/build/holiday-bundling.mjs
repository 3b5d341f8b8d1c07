// Bundling settings that keep the holiday library to what the bundled rules use, for the Lambda bundles
// and the local build alike. date-holidays-parser's calendar factory marks each calendar it supports
// (Julian, Hebrew, Islamic, Jalaali, equinoxes, Chinese, Bengali) with `#ifndef no<calendar>` blocks, so
// that builds for picked countries can leave out the ones those countries never use — with their
// astronomy libraries. The time-zone library keeps ten years of data: the holiday dates we read are
// local calendar dates, which need no time-zone history.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const RULES_FILE = fileURLToPath(new URL('../../shared/calendar/holiday-rules.json', import.meta.url));

/** Each calendar of the factory, and how a rule that needs it reads. */
const CALENDARS = {
  julian: /\bjulian\b/,
  hebrew: /\b(Nisan|Iyyar|Sivan|Tamuz|Av|Elul|Tishrei|Cheshvan|Kislev|Tevet|Shvat|Adar)\b/,
  islamic: /\b(Muharram|Safar|Rabi al-awwal|Rabi al-thani|Jumada al-awwal|Jumada al-thani|Rajab|Shaban|Ramadan|Shawwal|Dhu al-Qidah|Dhu al-Hijjah)\b/,
  jalaali: /\b(Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand)\b/,
  equinox: /\b(equinox|solstice)\b/,
  chinese: /\b(chinese|korean|vietnamese)\b/,
  bengali: /\bbengali-revised\b/,
};

/** The calendars some rule of `rules` needs: every key of a `days` table is a rule. */
export function calendarsUsedBy(rules) {
  const used = new Set();
  const visit = (value) => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'days' && child !== null && typeof child === 'object') {
        for (const rule of Object.keys(child)) {
          for (const [calendar, pattern] of Object.entries(CALENDARS)) if (pattern.test(rule)) used.add(calendar);
        }
      } else {
        visit(child);
      }
    }
  };
  visit(rules.holidays);
  return used;
}

/** Removes the `#ifndef no<calendar>` … `#endif` blocks of the calendars not in `keep`. */
export function withoutCalendars(source, keep) {
  return source.replace(/^[ \t]*\/\/ #ifndef no(\w+)\n([\s\S]*?)^[ \t]*\/\/ #endif\n/gm, (block, calendar) => (keep.has(calendar) ? block : ''));
}

/** esbuild options (alias and plugin) for a bundle that carries the bundled holiday rules. */
export async function holidayBundling() {
  const keep = calendarsUsedBy(JSON.parse(await readFile(RULES_FILE, 'utf8')));
  return {
    alias: { 'moment-timezone': 'moment-timezone/builds/moment-timezone-with-data-10-year-range.js' },
    plugins: [
      {
        name: 'holiday-calendars',
        setup(build) {
          build.onLoad({ filter: /date-holidays-parser[\\/](src|lib)[\\/]CalEventFactory\.c?js$/ }, async (args) => ({
            contents: withoutCalendars(await readFile(args.path, 'utf8'), keep),
            loader: 'js',
          }));
        },
      },
    ],
  };
}
