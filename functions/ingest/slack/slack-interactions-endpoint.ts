import type { Endpoint } from '../endpoint';
import { badRequest } from '../http-error';
import { emptyResponse } from '../http';
import { normaliseOr400, parseFormBody, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { authenticateSlack } from './authenticate-slack';
import { normaliseSlackInteraction } from './normalise-slack-interaction';
import { normaliseSlackShortcut } from './normalise-slack-shortcut';
import { blockActionsSchema, interactionEnvelopeSchema, messageActionSchema } from './slack-payloads';

/**
 * POST /webhooks/slack/interactions — interactivity (a form field `payload` holding JSON). Button clicks
 * on our messages become `slack.button.clicked`, our message shortcuts `slack.shortcut.used` (both
 * deduplicated by `trigger_id`); everything else is acked and dropped.
 */
export const slackInteractionsEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/x-www-form-urlencoded'],
  async handle(request, context) {
    await authenticateSlack(request, context);
    const field = parseFormBody(request).get('payload');
    if (field === null) throw badRequest('form field "payload" is missing');
    let json: unknown;
    try {
      json = JSON.parse(field);
    } catch {
      throw badRequest('form field "payload" is not valid JSON');
    }
    const envelope = parsePayload(interactionEnvelopeSchema, json, 'Slack interaction payload');
    if (envelope.type === 'message_action') {
      const shortcut = parsePayload(messageActionSchema, json, 'Slack message_action payload');
      const event = normaliseOr400('invalid Slack message_action payload', () => normaliseSlackShortcut(shortcut, context.clock.now(), context.slackResponseUrlOverride));
      if (event !== undefined) await acceptDelivery(context, { provider: 'slack', id: shortcut.trigger_id }, [event]);
      return emptyResponse(200);
    }
    if (envelope.type !== 'block_actions') return emptyResponse(200);
    const payload = parsePayload(blockActionsSchema, json, 'Slack block_actions payload');
    const events = normaliseOr400('invalid Slack block_actions payload', () => normaliseSlackInteraction(payload, context.clock.now()));
    if (events.length > 0) await acceptDelivery(context, { provider: 'slack', id: payload.trigger_id }, events);
    return emptyResponse(200);
  },
};
