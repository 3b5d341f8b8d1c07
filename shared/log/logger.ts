import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Keys whose values never reach a log line, whatever a caller passes: credentials, and the personal data
 * the automations handle (phone numbers, e-mail addresses, applicants' names, message text, a customer's
 * name, which a confidential label's description holds). Defence in depth: callers log ids, not content,
 * but a mistake here must not leak.
 */
const SENSITIVE_ANYWHERE = /token|secret|password|signature|authorization|cookie|phone|email|excerpt|firstname|lastname|fullname|applicant|onbehalfof|linkedin|markdown|customer/i;
const SENSITIVE_EXACTLY = /^(from|to|value|text|body|description)$/i;
/** `messageText`, `sms_body`: a word ending the key, not any key ending in those letters (`context`). */
const SENSITIVE_LAST_WORD = /(Text|Body|_text|_body)$/;

export const REDACTED = '[redacted]';

/** JSON replacer used for every log line. */
export function redactSensitive(key: string, value: unknown): unknown {
  const sensitive = SENSITIVE_ANYWHERE.test(key) || SENSITIVE_EXACTLY.test(key) || SENSITIVE_LAST_WORD.test(key);
  return key !== '' && sensitive && value !== undefined && value !== null ? REDACTED : value;
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
