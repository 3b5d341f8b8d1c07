import type { Outbox } from '../outbox';
import { spreadsheetUrl } from './a1-range';
import { appendArguments } from './append-arguments';
import type { AppendedRow, SheetTab, Spreadsheet } from './spreadsheet';

/**
 * Google Sheets without Google: records the exact `values.append` call in the outbox. Nothing was
 * written, so no row is known, and reading finds none.
 */
export class DryRunSpreadsheet implements Spreadsheet {
  readonly mode = 'dry-run';

  constructor(private readonly outbox: Outbox) {}

  async appendRow(tab: SheetTab, cells: readonly string[]): Promise<AppendedRow> {
    await this.outbox.record('google-sheets', 'spreadsheets.values.append', { ...appendArguments(tab, cells) });
    return { row: undefined, url: spreadsheetUrl(tab.spreadsheetId, undefined) };
  }

  async readRows(): Promise<string[][]> {
    return [];
  }

  async rowUrl(tab: SheetTab): Promise<string> {
    return spreadsheetUrl(tab.spreadsheetId, undefined);
  }
}
