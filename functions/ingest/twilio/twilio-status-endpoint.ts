import type { Endpoint } from '../endpoint';
import { normaliseOr400, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { emptyTwimlResponse } from '../twiml';
import { authenticateTwilio } from './authenticate-twilio';
import { normaliseTwilioStatus, statusEventId } from './normalise-twilio-status';
import { statusCallbackSchema } from './twilio-payloads';

/**
 * POST /webhooks/twilio/status — the status callback of a message we sent, published as `sms.status` and
 * acked with empty TwiML. Deduplicated by the message and its status (both signed): each status is
 * reported once and redelivered with the same values. Never by the unsigned idempotency token.
 */
export const twilioStatusEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/x-www-form-urlencoded'],
  async handle(request, context) {
    const form = await authenticateTwilio(request, context);
    const callback = parsePayload(statusCallbackSchema, Object.fromEntries(form), 'Twilio status callback');
    const event = normaliseOr400('invalid Twilio status callback', () => normaliseTwilioStatus(callback, context.clock.now()));
    await acceptDelivery(context, { provider: 'twilio', id: statusEventId(callback) }, [event]);
    return emptyTwimlResponse();
  },
};
