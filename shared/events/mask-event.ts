import { ENVELOPE_FIELDS, PUBLIC_FIELDS } from './public-fields';

/** What a masked value is shown as, on the console and in log lines. */
export const REDACTED = '[redacted]';

/**
 * An event's detail with every field that is not public (`PUBLIC_FIELDS`) replaced by `[redacted]`: what
 * the console's run page shows of a trigger, and what a log line holds of an event. A detail-type without
 * a rule (one the catalogue does not know) shows its envelope only. Absent values stay absent.
 *
 * @example
 * maskEventDetail('sms.received', detail); // { eventId, receivedAt, provider, messageSid, from: '[redacted]', to: '[redacted]', body: '[redacted]' }
 */
export function maskEventDetail(detailType: string, detail: unknown): unknown {
  if (!isRecord(detail)) return detail;
  const rule: readonly string[] = Object.hasOwn(PUBLIC_FIELDS, detailType) ? PUBLIC_FIELDS[detailType as keyof typeof PUBLIC_FIELDS] : [];
  return maskObject(detail, '', new Set<string>([...ENVELOPE_FIELDS, ...rule]));
}

function maskObject(object: Record<string, unknown>, prefix: string, shown: ReadonlySet<string>): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const path = `${prefix}${key}`;
    if (value === undefined || value === null || shown.has(path)) masked[key] = value;
    // An object some of whose fields are shown: its other fields are masked one by one.
    else if (isRecord(value) && [...shown].some((each) => each.startsWith(`${path}.`))) masked[key] = maskObject(value, `${path}.`, shown);
    else masked[key] = REDACTED;
  }
  return masked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
