import { a1Range } from './a1-range';
import type { SheetTab } from './spreadsheet';

/**
 * The `spreadsheets.values.append` parameters, built in one place so that the dry-run outbox records
 * exactly what the live client sends. `RAW`: values are stored as typed, never parsed as formulas.
 * `INSERT_ROWS`: the row is inserted, never written over what is below the table.
 */
export function appendArguments(tab: SheetTab, cells: readonly string[]) {
  return {
    spreadsheetId: tab.spreadsheetId,
    range: a1Range(tab, 'A1'),
    valueInputOption: 'RAW',
    insertDataOption: 'INSERT_ROWS',
    includeValuesInResponse: false,
    requestBody: { majorDimension: 'ROWS', values: [[...cells]] },
  };
}
