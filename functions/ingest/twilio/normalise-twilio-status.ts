import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { StatusCallback } from './twilio-payloads';

/**
 * A message status callback as `sms.status`. A message passes through several statuses, each reported
 * once (and redelivered with the same values), so the event id is the message and its status.
 */
export function normaliseTwilioStatus(callback: StatusCallback, receivedAt: Date): EventOf<'sms.status'> {
  return createEvent('sms.status', {
    eventId: statusEventId(callback),
    receivedAt: receivedAt.toISOString(),
    provider: 'twilio',
    messageSid: callback.MessageSid,
    status: callback.MessageStatus,
    to: callback.To,
    ...(callback.ErrorCode === undefined || callback.ErrorCode === '' ? {} : { errorCode: callback.ErrorCode }),
  });
}

/** `{MessageSid}:{MessageStatus}`: the same for every delivery of one status report. */
export function statusEventId(callback: Pick<StatusCallback, 'MessageSid' | 'MessageStatus'>): string {
  return `${callback.MessageSid}:${callback.MessageStatus}`;
}
