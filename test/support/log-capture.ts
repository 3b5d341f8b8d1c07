import { vi, type MockInstance } from 'vitest';

/** What the logger wrote while captured: every chunk, and the JSON lines among them. */
export interface LogCapture {
  /** Everything written to stdout and stderr, as written. */
  raw(): string;
  /** The JSON log lines, parsed. */
  lines(): Record<string, unknown>[];
  restore(): void;
}

/**
 * Captures what is written to stdout and stderr (the structured logger writes there) until `restore`, so
 * a test can read the log lines, and scan them for what must never be logged.
 */
export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const capture = ((chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  const spies: MockInstance[] = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  return {
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
