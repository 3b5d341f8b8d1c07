import * as z from 'zod/mini';
import { smsAddressSchema } from '../../../shared/events/sms-events';

/**
 * The form fields of Twilio's messaging webhooks that ingest reads. Objects are loose: Twilio adds
 * fields (geography, media, messaging service) and unknown ones must not break us.
 */

/** `SM…` for an SMS, `MM…` for an MMS: two letters and 32 hex digits. */
const messageSidSchema = z.string().check(z.regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID (SM or MM and 32 hex digits)'));

/** An incoming message (the number's "A message comes in" webhook). */
export const inboundSmsSchema = z.looseObject({
  MessageSid: messageSidSchema,
  From: smsAddressSchema,
  To: smsAddressSchema,
  // Empty for a message of media only; Twilio caps it at 1600 characters and we cut there too.
  Body: z.string(),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;

/** A message status callback (the `StatusCallback` of a message we sent). */
export const statusCallbackSchema = z.looseObject({
  MessageSid: messageSidSchema,
  // queued, sending, sent, delivered, undelivered, failed, read, …: Twilio adds statuses over time.
  MessageStatus: z.string().check(z.regex(/^[a-z_]{1,32}$/, 'must be a Twilio message status such as "delivered"')),
  To: smsAddressSchema,
  // Present (sometimes empty) on undelivered and failed messages: Twilio's numeric error code.
  ErrorCode: z.optional(z.string().check(z.regex(/^\d{0,10}$/, 'must be a Twilio error code'))),
});
export type StatusCallback = z.infer<typeof statusCallbackSchema>;
