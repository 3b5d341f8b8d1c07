import * as z from 'zod';
import { envelopeSchema } from './envelope';

const phoneSchema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number');

/** An inbound SMS (Twilio). */
export const smsReceivedSchema = envelopeSchema.extend({
  provider: z.literal('twilio'),
  messageSid: z.string().min(1).max(64),
  from: phoneSchema,
  to: phoneSchema,
  body: z.string().max(1600),
});

/** A delivery status callback for an SMS we sent (Twilio). */
export const smsStatusSchema = envelopeSchema.extend({
  provider: z.literal('twilio'),
  messageSid: z.string().min(1).max(64),
  status: z.string().min(1).max(32),
  to: phoneSchema.optional(),
  errorCode: z.string().max(16).optional(),
});
