import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { InboundSms } from './twilio-payloads';

const BODY_LIMIT = 1600;

/**
 * An incoming SMS as a compact `sms.received`: who, to which number, what (never the geography and
 * other fields Twilio adds). The MessageSid is the event id: each message has one, and redeliveries keep it.
 */
export function normaliseTwilioSms(sms: InboundSms, receivedAt: Date): EventOf<'sms.received'> {
  return createEvent('sms.received', {
    eventId: sms.MessageSid,
    receivedAt: receivedAt.toISOString(),
    provider: 'twilio',
    messageSid: sms.MessageSid,
    from: sms.From,
    to: sms.To,
    body: sms.Body.slice(0, BODY_LIMIT),
  });
}
