import { beforeEach, describe, expect, it } from 'vitest';
import { a1Range, firstRowOf, spreadsheetUrl } from '../../../../shared/providers/google-sheets/a1-range';
import { appendArguments } from '../../../../shared/providers/google-sheets/append-arguments';
import { DryRunSpreadsheet } from '../../../../shared/providers/google-sheets/dry-run-spreadsheet';
import { Outbox } from '../../../../shared/providers/outbox';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const TAB = { spreadsheetId: '1TestSpreadsheetIdAbCdEfGhIjKlMnOpQrStUv', tab: 'Customer questions' };

describe('dry-run spreadsheet', () => {
  let outbox: Outbox;
  let sheets: DryRunSpreadsheet;

  beforeEach(async () => {
    const clock = new ManualClock('2026-11-16T17:00:00Z');
    outbox = new Outbox(await createTestTable(clock), clock);
    sheets = new DryRunSpreadsheet(outbox);
  });

  it('records exactly the values.append parameters the live client sends, and knows no row', async () => {
    const appended = await sheets.appendRow(TAB, ['2026-11-16 08:12', 'Acme Corp']);

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'google-sheets', operation: 'spreadsheets.values.append', request: appendArguments(TAB, ['2026-11-16 08:12', 'Acme Corp']) });
    expect(entry?.request).toMatchObject({ range: "'Customer questions'!A1", valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' });
    expect(appended).toEqual({ row: undefined, url: `https://docs.google.com/spreadsheets/d/${TAB.spreadsheetId}/edit` });
    expect(await sheets.readRows()).toEqual([]);
  });
});

describe('A1 ranges', () => {
  it('quotes a tab name that is not a plain word, doubling its quotes', () => {
    expect(a1Range({ ...TAB, tab: 'Sheet1' }, 'A:H')).toBe('Sheet1!A:H');
    expect(a1Range({ ...TAB, tab: "Dana's questions" }, 'A1')).toBe("'Dana''s questions'!A1");
  });

  it('reads the first row of an updated range, and links to it', () => {
    expect(firstRowOf("'Customer questions'!A12:H12")).toBe(12);
    expect(firstRowOf('Sheet1!A:H')).toBeUndefined();
    expect(spreadsheetUrl('abc', 42, 12)).toBe('https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=A12');
  });
});
