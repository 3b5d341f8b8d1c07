import { maskEventDetail, REDACTED } from '../events/mask-event';

/**
 * Keys whose values never reach a log line, whatever a caller passes: credentials (and Slack's response
 * URLs, which let their holder answer a person for half an hour), and the personal data
 * the automations handle (phone numbers, e-mail addresses, people's names, message text, a customer's
 * name, which a confidential label's description and a Salesforce Account's name hold, an applicant's
 * location). They cover the personal fields of every event (`shared/events/public-fields.ts`) by name,
 * except `message`: every line's and every error's own message is that key (an applicant's message is
 * masked with the event or detail that carries it, below). Defence in depth: callers log ids, not
 * content, but a mistake here must not leak.
 */
const SENSITIVE_ANYWHERE = /token|secret|password|signature|authorization|cookie|phone|email|excerpt|firstname|lastname|fullname|username|accountname|channelname|requestedby|applicant|onbehalfof|linkedin|markdown|customer|response_?url/i;
const SENSITIVE_EXACTLY = /^(from|to|by|value|text|body|description|location)$/i;
/** `messageText`, `sms_body`: a word ending the key, not any key ending in those letters (`context`). */
const SENSITIVE_LAST_WORD = /(Text|Body|_text|_body)$/;

export { REDACTED };

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

/** The details this replacer masked, so that the detail of a masked event is not masked again as a bare one. */
const maskedDetails = new WeakSet<object>();

/**
 * An event (`{ detailType, detail }`) anywhere in a line is masked by the catalogue's rule, as the
 * console shows it; a bare detail (an object with an event's envelope) keeps its envelope only, since
 * its detail-type is unknown here.
 */
function maskedIfEvent(value: object): unknown {
  if (maskedDetails.has(value)) return value;
  const fields = value as Record<string, unknown>;
  if (typeof fields['detailType'] === 'string' && typeof fields['detail'] === 'object' && fields['detail'] !== null) {
    const detail = maskEventDetail(fields['detailType'], fields['detail']) as object;
    maskedDetails.add(detail);
    return { ...fields, detail };
  }
  if (typeof fields['eventId'] === 'string' && typeof fields['receivedAt'] === 'string' && typeof fields['provider'] === 'string') {
    return maskEventDetail('', value);
  }
  return value;
}

/** JSON replacer used for every log line. */
export function redactSensitive(key: string, value: unknown): unknown {
  if (key === '' || value === undefined || value === null) return value;
  if (isSensitive(key)) return REDACTED;
  return typeof value === 'object' ? maskedIfEvent(value) : value;
}
