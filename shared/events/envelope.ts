import * as z from 'zod/mini';
import './zod-messages';

// Event schemas use zod's tree-shakable "mini" form: ingest bundles them, and its budget is 150 KB.

/** Who delivered the original webhook; `switchboard` for events an automation or a timer emits. */
export const providerSchema = z.enum(['slack', 'github', 'twilio', 'salesforce', 'website', 'unthread', 'switchboard']);
export type Provider = z.infer<typeof providerSchema>;

/**
 * Fields every event detail carries. `eventId` is the provider's own delivery id (Slack `event_id`,
 * GitHub `X-GitHub-Delivery`, …) or a deterministic id for internal events, so that a redelivery is
 * recognisable everywhere downstream.
 */
export const envelopeSchema = z.object({
  eventId: z.string().check(z.minLength(1), z.maxLength(256)),
  receivedAt: z.iso.datetime({ offset: true }),
  provider: providerSchema,
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** A string of at most `max` characters (and at least `min`). */
export function text(max: number, min = 0) {
  return z.string().check(z.minLength(min), z.maxLength(max));
}

/** Slack, GitHub and Salesforce ids: short, printable, never free text. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\w.:#@/+-]+$/, 'must be an identifier'));
