import type { Endpoint } from '../endpoint';
import { acceptDelivery } from '../accept-delivery';
import { jsonResponse } from '../http';
import { normaliseOr400, parseJsonBody, parsePayload } from '../parse-body';
import { authenticateUnthread } from './authenticate-unthread';
import { normaliseUnthreadConversation } from './normalise-unthread-conversation';
import { conversationUpdatedSchema, unthreadWebhookSchema } from './unthread-payloads';

/**
 * POST /webhooks/unthread — Unthread's webhooks (https://docs.unthread.io/api-introduction/webhooks).
 * Every delivery is verified first, `url_verification` included: Unthread signs it like the others (the
 * community unthread-webhook-server, wgtechlabs/unthread-webhook-server, verifies the signature before it
 * answers it), and the docs ask only for a 200 within 3 seconds, with no challenge to echo.
 * `conversation_updated` is published as `unthread.conversation.updated`, deduplicated by `eventId`
 * (Unthread retries a delivery up to 4 more times); other events are acked without publishing. Every
 * answer to a valid delivery is 200: Unthread disables an endpoint after 100 consecutive failures.
 */
export const unthreadEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/json'],
  async handle(request, context) {
    await authenticateUnthread(request, context);
    const json = parseJsonBody(request);
    const envelope = parsePayload(unthreadWebhookSchema, json, 'Unthread webhook');
    if (envelope.event === 'url_verification') return jsonResponse(200, { ok: true });
    if (envelope.event !== 'conversation_updated') return jsonResponse(200, { ok: true, published: 0 });
    const update = parsePayload(conversationUpdatedSchema, json, 'Unthread conversation_updated event');
    const event = normaliseOr400('invalid Unthread conversation_updated event', () => normaliseUnthreadConversation(update, context.clock.now()));
    const outcome = await acceptDelivery(context, { provider: 'unthread', id: update.eventId }, [event]);
    return jsonResponse(200, { ok: true, published: outcome === 'accepted' ? 1 : 0 });
  },
};
