import type { Endpoint } from '../endpoint';
import { normaliseOr400, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { emptyTwimlResponse } from '../twiml';
import { authenticateTwilio } from './authenticate-twilio';
import { normaliseTwilioSms } from './normalise-twilio-sms';
import { inboundSmsSchema } from './twilio-payloads';

/**
 * POST /webhooks/twilio/sms — an incoming SMS, published as `sms.received` and acked with an empty TwiML
 * response: the paging automation answers through the API, later. Deduplicated by its MessageSid, which
 * the signature covers; never by Twilio's `I-Twilio-Idempotency-Token`, a header the signature does not
 * cover, so that a signed new message carrying a token seen before is not dropped as a repeat.
 */
export const twilioSmsEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/x-www-form-urlencoded'],
  async handle(request, context) {
    const form = await authenticateTwilio(request, context);
    const sms = parsePayload(inboundSmsSchema, Object.fromEntries(form), 'Twilio incoming message');
    const event = normaliseOr400('invalid Twilio incoming message', () => normaliseTwilioSms(sms, context.clock.now()));
    await acceptDelivery(context, { provider: 'twilio', id: sms.MessageSid }, [event]);
    return emptyTwimlResponse();
  },
};
