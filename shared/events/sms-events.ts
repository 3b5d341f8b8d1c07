import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/**
 * Where an SMS comes from or goes to: an E.164 number (+15555550101), or a short code (3 to 8 digits)
 * for inbound messages sent from one. Never free text; 16 characters at most.
 */
export const smsAddressSchema = z.string().check(z.regex(/^(\+[1-9]\d{6,14}|\d{3,8})$/, 'must be an E.164 phone number or a short code'));

/** An inbound SMS (Twilio). */
export const smsReceivedSchema = z.extend(envelopeSchema, {
  provider: z.literal('twilio'),
  messageSid: text(64, 1),
  from: smsAddressSchema,
  to: smsAddressSchema,
  body: text(1600),
});

/** A delivery status callback for an SMS we sent (Twilio). */
export const smsStatusSchema = z.extend(envelopeSchema, {
  provider: z.literal('twilio'),
  messageSid: text(64, 1),
  status: text(32, 1),
  to: z.optional(smsAddressSchema),
  errorCode: z.optional(text(16)),
});
