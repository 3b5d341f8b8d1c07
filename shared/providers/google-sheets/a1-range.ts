import type { SheetTab } from './spreadsheet';

/**
 * An A1 range on a tab, quoted as the Sheets API expects when the tab's name is not a plain word
 * ("'Customer questions'!A:I"; a quote inside a name is doubled).
 *
 * @example a1Range({ spreadsheetId, tab: 'Customer questions' }, 'A:I') // "'Customer questions'!A:I"
 */
export function a1Range(tab: SheetTab, cells: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab.tab) ? tab.tab : `'${tab.tab.replaceAll("'", "''")}'`;
  return `${name}!${cells}`;
}

/** The first row number of an A1 range such as "'Customer questions'!A12:I12" (12), if it names one. */
export function firstRowOf(range: string): number | undefined {
  const cells = range.slice(range.lastIndexOf('!') + 1);
  const match = /^[A-Z]+(\d+)/.exec(cells);
  return match === null ? undefined : Number(match[1]);
}

/** The spreadsheet in the browser: at a tab (`gid`) and, when known, a row. */
export function spreadsheetUrl(spreadsheetId: string, gid: number | undefined, row?: number): string {
  const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  if (gid === undefined) return base;
  return `${base}#gid=${gid}${row === undefined ? '' : `&range=A${row}`}`;
}
