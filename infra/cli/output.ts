import { instantFormatter } from '../../shared/calendar/instant-formatter';

/** A column of a table: its heading, how a row shows in it, and whether it may be cut to fit. */
export interface Column<T> {
  header: string;
  cell: (item: T) => unknown;
  /** Never cut (ids people copy into the next command): the other columns give way. */
  keep?: boolean;
}

/** How a command prints: a readable table by default, JSON with `--json`. */
export interface Output {
  json: boolean;
  /** Prints items as a table (or, with `--json`, the items themselves as a JSON array). */
  table<T>(items: readonly T[], columns: readonly Column<T>[], empty: string): void;
  /** Prints one object (or its JSON). */
  record(value: unknown, lines: () => string[]): void;
  /** A line of prose; silent in JSON mode, so JSON output stays parseable. */
  say(line: string): void;
  /** An instant as the person reads it: in the business time zone (`2026-11-23 06:00:01 PT`), or UTC with `--utc`. */
  time(instant: string | Date | undefined): string;
}

export interface OutputOptions {
  json: boolean;
  write: (text: string) => void;
  /** The terminal's width; undefined when the output is not a terminal (nothing is cut then). */
  width?: number | undefined;
  /** Where times are shown; undefined: UTC. */
  timeZone?: string | undefined;
}

export function createOutput(options: OutputOptions): Output {
  const { json, write } = options;
  const time = instantFormatter(options.timeZone);
  return {
    json,
    table(items, columns, empty) {
      if (json) return write(`${JSON.stringify(items, null, 2)}\n`);
      if (items.length === 0) return write(`${empty}\n`);
      write(`${formatTable(items.map((item) => columns.map((column) => show(column.cell(item)))), columns, options.width)}\n`);
    },
    record(value, lines) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines().join('\n')}\n`);
    },
    say(line) {
      if (!json) write(`${line}\n`);
    },
    time,
  };
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s*\n\s*/g, ' ');
}

const GAP = 2;
/** The narrowest a cut column becomes (and `…`). */
const MIN_CUT_WIDTH = 8;

/**
 * Left-aligned columns under their headings. When the table is wider than the terminal, the columns that
 * may be cut give way, widest first, down to a few characters each; kept ones (ids) are never cut.
 */
export function formatTable(cells: readonly (readonly string[])[], columns: readonly Pick<Column<never>, 'header' | 'keep'>[], width?: number): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => (row[i] as string).length)));
  if (width !== undefined) {
    let excess = widths.reduce((sum, w) => sum + w, 0) + GAP * (columns.length - 1) - width;
    while (excess > 0) {
      const cuttable = widths.map((w, i) => ({ w, i })).filter(({ w, i }) => columns[i]?.keep !== true && w > MIN_CUT_WIDTH);
      if (cuttable.length === 0) break;
      const widest = cuttable.reduce((a, b) => (b.w > a.w ? b : a));
      const next = Math.max(MIN_CUT_WIDTH, cuttable.filter(({ i }) => i !== widest.i).reduce((m, { w }) => Math.max(m, w), 0), widest.w - excess);
      const cut = Math.max(1, widest.w - next);
      widths[widest.i] = widest.w - cut;
      excess -= cut;
    }
  }
  const fit = (value: string, w: number) => (value.length <= w ? value.padEnd(w) : `${value.slice(0, w - 1)}…`);
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => (columns[i]?.keep === true ? value.padEnd(widths[i] as number) : fit(value, widths[i] as number)))
      .join(' '.repeat(GAP))
      .trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}

