import { LineLogger, type LogFormat } from './line-logger';
import { PowertoolsLogger } from './powertools-logger';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';
export type LogFields = Record<string, unknown>;

/**
 * The logging port: structured lines (SPEC §4: one per step, with the run id), every value under a
 * sensitive key redacted (`redact.ts`). Log ids, not content.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines also carry these fields (a run's id and automation). */
  child(fields: LogFields): Logger;
}

/**
 * The logger of a runtime, chosen once: Powertools on AWS; locally a lean line writer, JSON or readable.
 *
 * @example
 * const log = createLogger({ level: 'INFO', runtime: 'local', format: 'pretty' });
 * log.info('run finished', { runId, status });
 */
export function createLogger(options: { level: LogLevel; runtime: 'aws' | 'local'; format?: LogFormat }): Logger {
  const fields = { service: 'switchboard', runtime: options.runtime };
  return options.runtime === 'aws' ? PowertoolsLogger.create({ level: options.level, fields }) : new LineLogger({ level: options.level, format: options.format ?? 'json', fields });
}

export { REDACTED, redactSensitive } from './redact';
export type { LogFormat };
