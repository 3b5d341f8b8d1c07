/** How a command prints: a readable table by default, JSON with `--json`. */
export interface Output {
  json: boolean;
  /** Prints rows as a table (or a JSON array). */
  table(rows: readonly object[], columns: readonly string[], empty?: string): void;
  /** Prints one object (or its JSON). */
  record(value: unknown, lines: () => string[]): void;
  /** A line of prose; silent in JSON mode, so JSON output stays parseable. */
  say(line: string): void;
}

export function createOutput(json: boolean, write: (text: string) => void = (text) => process.stdout.write(text)): Output {
  return {
    json,
    table(rows, columns, empty = '(none)') {
      if (json) return write(`${JSON.stringify(rows, null, 2)}\n`);
      if (rows.length === 0) return write(`${empty}\n`);
      write(`${formatTable(rows, columns)}\n`);
    },
    record(value, lines) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${lines().join('\n')}\n`);
    },
    say(line) {
      if (!json) write(`${line}\n`);
    },
  };
}

/** Left-aligned columns under upper-case headings, values cut at 60 characters. */
export function formatTable(rows: readonly object[], columns: readonly string[]): string {
  const cell = (value: unknown) => {
    const text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  };
  const cells = rows.map((row) => columns.map((column) => cell((row as Record<string, unknown>)[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => (row[i] as string).length)));
  const line = (values: readonly string[]) => values.map((value, i) => value.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n');
}
