import { REDACTED, redactSensitive } from './redact';
import type { LogFields, Logger, LogLevel } from './logger';

const SEVERITY: Record<LogLevel, number> = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 };

/** How the local runtime writes its lines: JSON (for a file or a log collector) or readable (a terminal). */
export type LogFormat = 'json' | 'pretty';

export interface LineLoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Fields every line carries. */
  fields: LogFields;
  write?: (line: string) => void;
  clock?: () => Date;
}

/**
 * The local runtime's logger: one line per call, JSON or readable, redacted like every log line, written
 * to stdout. Lean on purpose (a line for every run), where Powertools reads its environment on
 * every call.
 */
export class LineLogger implements Logger {
  private readonly threshold: number;
  private readonly write: (line: string) => void;
  private readonly clock: () => Date;

  constructor(private readonly options: LineLoggerOptions) {
    this.threshold = SEVERITY[options.level];
    this.write = options.write ?? ((line) => process.stdout.write(line));
    this.clock = options.clock ?? (() => new Date());
  }

  debug(message: string, fields?: LogFields): void {
    this.log('DEBUG', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.log('INFO', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.log('WARN', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.log('ERROR', message, fields);
  }

  child(fields: LogFields): Logger {
    return new LineLogger({ ...this.options, fields: { ...this.options.fields, ...fields }, write: this.write, clock: this.clock });
  }

  private log(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (SEVERITY[level] < this.threshold) return;
    const timestamp = this.clock().toISOString();
    const line = { level, message, timestamp, ...this.options.fields, ...withErrors(fields) };
    this.write(this.options.format === 'json' ? `${JSON.stringify(line, redactSensitive)}\n` : `${pretty(line)}\n`);
  }
}

/** Errors as their name, message and stack (JSON would otherwise write `{}`). */
function withErrors(fields: LogFields | undefined): LogFields | undefined {
  if (fields === undefined) return undefined;
  let copy: LogFields | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      copy ??= { ...fields };
      copy[key] = { name: value.name, message: value.message, ...(value.stack === undefined ? {} : { stack: value.stack }) };
    }
  }
  return copy ?? fields;
}

/**
 * `12:03:04 INFO  delivery failed; retrying  automation=after-hours attempt=2`, values redacted as in JSON;
 * a finished run as `12:03:04 after-hours  succeeded  after-hours:Ev08…  post after-hours notice`.
 */
function pretty(line: Record<string, unknown>): string {
  const { level, message, timestamp, service: _service, runtime: _runtime, ...rest } = line;
  if ((message === 'run finished' || message === 'run failed') && typeof rest['runId'] === 'string') {
    const status = String(rest['status'] ?? (message === 'run failed' ? 'failed' : ''));
    const decided = typeof rest['decidedBy'] === 'string' ? `  ${rest['decidedBy']}` : '';
    return `${String(timestamp).slice(11, 19)} ${String(rest['automation'] ?? '').padEnd(18)} ${status.padEnd(9)} ${rest['runId']}${decided}`;
  }
  const redacted = JSON.parse(JSON.stringify(rest, redactSensitive)) as Record<string, unknown>;
  const time = String(timestamp).slice(11, 19);
  const pairs = Object.entries(redacted).map(([key, value]) => `${key}=${typeof value === 'string' ? (value === REDACTED || !/\s/.test(value) ? value : JSON.stringify(value)) : JSON.stringify(value)}`);
  return `${time} ${String(level).padEnd(5)} ${String(message)}${pairs.length === 0 ? '' : `  ${pairs.join(' ')}`}`;
}
