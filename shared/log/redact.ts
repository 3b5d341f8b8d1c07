/**
 * Keys whose values never reach a log line, whatever a caller passes: credentials (and Slack's response
 * URLs, which let their holder answer a person for half an hour), and the personal data
 * the automations handle (phone numbers, e-mail addresses, applicants' names, message text, a customer's
 * name, which a confidential label's description holds). Defence in depth: callers log ids, not content,
 * but a mistake here must not leak.
 */
const SENSITIVE_ANYWHERE = /token|secret|password|signature|authorization|cookie|phone|email|excerpt|firstname|lastname|fullname|applicant|onbehalfof|linkedin|markdown|customer|response_?url/i;
const SENSITIVE_EXACTLY = /^(from|to|value|text|body|description)$/i;
/** `messageText`, `sms_body`: a word ending the key, not any key ending in those letters (`context`). */
const SENSITIVE_LAST_WORD = /(Text|Body|_text|_body)$/;

export const REDACTED = '[redacted]';

/** Whether values under this key are redacted (a key is tested once per process, then remembered). */
const verdicts = new Map<string, boolean>();
function isSensitive(key: string): boolean {
  let sensitive = verdicts.get(key);
  if (sensitive === undefined) {
    sensitive = SENSITIVE_ANYWHERE.test(key) || SENSITIVE_EXACTLY.test(key) || SENSITIVE_LAST_WORD.test(key);
    if (verdicts.size < 10_000) verdicts.set(key, sensitive);
  }
  return sensitive;
}

/** JSON replacer used for every log line. */
export function redactSensitive(key: string, value: unknown): unknown {
  return key !== '' && value !== undefined && value !== null && isSensitive(key) ? REDACTED : value;
}
