import { SegmentedMessage } from 'sms-segments-calculator';
import { randomBytes } from 'node:crypto';

export interface TwilioSmsParamsInput {
  /** The sender, E.164 (or a short code). */
  from: string;
  /** Our Twilio number (TWILIO_FROM_NUMBER). */
  to: string;
  body: string;
  messageSid?: string;
  accountSid?: string;
}

/**
 * The form fields of Twilio's "a message comes in" webhook, with every documented field and in Twilio's
 * order, for `switchboard simulate sms-reply` and the tests. Geography is made up: a U.S. sender.
 */
export function twilioSmsParams(input: TwilioSmsParamsInput): Record<string, string> {
  const messageSid = input.messageSid ?? newTwilioSid('SM');
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    ToCity: 'SAN FRANCISCO',
    FromZip: '94105',
    SmsSid: messageSid,
    FromState: 'CA',
    SmsStatus: 'received',
    FromCity: 'SAN FRANCISCO',
    Body: input.body,
    FromCountry: 'US',
    To: input.to,
    ToZip: '94107',
    NumSegments: String(segmentCount(input.body)),
    MessageSid: messageSid,
    AccountSid: input.accountSid ?? `AC${'0'.repeat(32)}`,
    From: input.from,
    ApiVersion: '2010-04-01',
  };
}

export interface TwilioStatusParamsInput {
  messageSid: string;
  /** queued, sent, delivered, undelivered, failed, … */
  status: string;
  /** The recipient of the message we sent. */
  to: string;
  /** Our Twilio number. */
  from: string;
  /** Twilio's error code, on undelivered and failed messages (30003: unreachable handset). */
  errorCode?: string;
  accountSid?: string;
}

/** The form fields of Twilio's message status callback, as documented and in Twilio's order. */
export function twilioStatusParams(input: TwilioStatusParamsInput): Record<string, string> {
  return {
    ...(input.errorCode === undefined ? {} : { ErrorCode: input.errorCode }),
    SmsSid: input.messageSid,
    SmsStatus: input.status,
    MessageStatus: input.status,
    To: input.to,
    MessageSid: input.messageSid,
    AccountSid: input.accountSid ?? `AC${'0'.repeat(32)}`,
    From: input.from,
    ApiVersion: '2010-04-01',
  };
}

/** A Twilio SID: a two-letter prefix (SM message, AC account) and 32 hex digits. */
export function newTwilioSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** How many segments Twilio splits a body into (Twilio's own segment calculator). */
export function segmentCount(body: string): number {
  return new SegmentedMessage(body, 'auto').segmentsCount;
}
