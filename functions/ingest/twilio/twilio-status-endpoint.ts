import { InvalidEventError } from '../../../shared/events/validate-event';
import type { Endpoint } from '../endpoint';
import { badRequest } from '../http-error';
import { parsePayload } from '../parse-body';
import { publishDelivery } from '../publish-delivery';
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
    let event;
    try {
      event = normaliseTwilioStatus(callback, context.clock.now());
    } catch (error) {
      if (error instanceof InvalidEventError) throw badRequest('invalid Twilio status callback', error.issues);
      throw error;
    }
    await publishDelivery(context, { provider: 'twilio', id: idempotencyToken(request) ?? statusEventId(callback) }, [event]);
    return emptyTwimlResponse();
  },
};
