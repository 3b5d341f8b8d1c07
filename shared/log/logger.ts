import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Keys whose values never reach a log line, whatever a caller passes: credentials, and the personal data
 * the automations handle (phone numbers, e-mail addresses, message text). Defence in depth: callers log ids,
 * not content, but a mistake here must not leak.
 */
const REDACTED_KEY = /token|secret|password|signature|authorization|cookie|phone|email|^(from|to|text|body|excerpt|value)$/i;

export const REDACTED = '[redacted]';

/** JSON replacer used for every log line. */
export function redactSensitive(key: string, value: unknown): unknown {
  return key !== '' && REDACTED_KEY.test(key) && value !== undefined && value !== null ? REDACTED : value;
}

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' | 'CRITICAL';

/**
 * The structured JSON logger (Powertools) shared by ingest, the automations and the local runtime.
 *
 * @example
 * const log = createLogger({ level: 'INFO', runtime: 'local' });
 * log.info('run finished', { runId, status });
 */
export function createLogger(options: { level: LogLevel; runtime: 'aws' | 'local' }): Logger {
  return new Logger({
    serviceName: 'switchboard',
    logLevel: options.level,
    persistentKeys: { runtime: options.runtime },
    jsonReplacerFn: redactSensitive,
  });
}

export type { Logger };
