import type { Endpoint } from '../endpoint';
import { normaliseOr400, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { emptyTwimlResponse } from '../twiml';
import { authenticateTwilio } from './authenticate-twilio';
import { normaliseTwilioStatus, statusEventId } from './normalise-twilio-status';
import { idempotencyToken, statusCallbackSchema } from './twilio-payloads';

/**
 * POST /webhooks/twilio/status — the status callback of a message we sent, published as `sms.status`
 * (deduplicated by Twilio's idempotency token, else by message and status) and acked with empty TwiML.
 */
export const twilioStatusEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/x-www-form-urlencoded'],
  async handle(request, context) {
    const form = await authenticateTwilio(request, context);
    const callback = parsePayload(statusCallbackSchema, Object.fromEntries(form), 'Twilio status callback');
    const event = normaliseOr400('invalid Twilio status callback', () => normaliseTwilioStatus(callback, context.clock.now()));
    await acceptDelivery(context, { provider: 'twilio', id: idempotencyToken(request) ?? statusEventId(callback) }, [event]);
    return emptyTwimlResponse();
  },
};
