/** A tab of a Google spreadsheet: the spreadsheet's id (from its URL) and the tab's name. */
export interface SheetTab {
  spreadsheetId: string;
  tab: string;
}

/** A row that was appended: its number (1 is the first row), or undefined when unknown (dry-run). */
export interface AppendedRow {
  row: number | undefined;
  /** Opens the spreadsheet at that row (at the tab, when the row is unknown). */
  url: string;
}

/**
 * The spreadsheet port: what automations may do in Google Sheets. Live through `@googleapis/sheets` with
 * a service account, or dry-run into the outbox. Failures are `ProviderError`s. Cell values are written
 * as they are (`RAW`): a question that starts with "=" stays text and never becomes a formula.
 */
export interface Spreadsheet {
  readonly mode: 'live' | 'dry-run';
  /** Appends one row after the last row of the tab's table. */
  appendRow(tab: SheetTab, cells: readonly string[]): Promise<AppendedRow>;
  /** The tab's rows (from row 1) within `columns`, e.g. "A:I"; trailing empty cells are left out, as Google does. */
  readRows(tab: SheetTab, columns: string): Promise<string[][]>;
  /** The link that opens the tab at `row`. */
  rowUrl(tab: SheetTab, row: number): Promise<string>;
}
