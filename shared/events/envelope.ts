import * as z from 'zod';

/** Who delivered the original webhook; `switchboard` for events an automation or a timer emits. */
export const providerSchema = z.enum(['slack', 'github', 'twilio', 'salesforce', 'website', 'switchboard']);
export type Provider = z.infer<typeof providerSchema>;

/**
 * Fields every event detail carries. `eventId` is the provider's own delivery id (Slack `event_id`,
 * GitHub `X-GitHub-Delivery`, …) or a deterministic id for internal events, so that a redelivery is
 * recognisable everywhere downstream.
 */
export const envelopeSchema = z.object({
  eventId: z.string().min(1).max(256),
  receivedAt: z.iso.datetime({ offset: true }),
  provider: providerSchema,
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Slack, GitHub and Salesforce ids: short, printable, never free text. */
export const idSchema = z.string().min(1).max(128).regex(/^[\w.:#@/+-]+$/, 'must be an identifier');
