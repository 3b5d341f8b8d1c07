import type { Endpoint } from '../endpoint';
import { normaliseOr400, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { emptyTwimlResponse } from '../twiml';
import { authenticateTwilio } from './authenticate-twilio';
import { normaliseTwilioSms } from './normalise-twilio-sms';
import { idempotencyToken, inboundSmsSchema } from './twilio-payloads';

/**
 * POST /webhooks/twilio/sms — an incoming SMS, published as `sms.received` (deduplicated by Twilio's
 * idempotency token, else by the MessageSid) and acked with an empty TwiML response: the paging
 * automation answers through the API, later.
 */
export const twilioSmsEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/x-www-form-urlencoded'],
  async handle(request, context) {
    const form = await authenticateTwilio(request, context);
    const sms = parsePayload(inboundSmsSchema, Object.fromEntries(form), 'Twilio incoming message');
    const event = normaliseOr400('invalid Twilio incoming message', () => normaliseTwilioSms(sms, context.clock.now()));
    await acceptDelivery(context, { provider: 'twilio', id: idempotencyToken(request) ?? sms.MessageSid }, [event]);
    return emptyTwimlResponse();
  },
};
