import type { Endpoint } from '../endpoint';
import { badRequest } from '../http-error';
import { emptyResponse, jsonResponse } from '../http';
import { normaliseOr400, parseJsonBody, parsePayload } from '../parse-body';
import { acceptDelivery } from '../accept-delivery';
import { authenticateSlack } from './authenticate-slack';
import { normaliseSlackMessage } from './normalise-slack-message';
import { normaliseSlackReaction } from './normalise-slack-reaction';
import { parseMessageEvent, parseReactionAddedEvent, slackEventsEnvelopeSchema } from './slack-payloads';

/**
 * POST /webhooks/slack/events — the Events API. Answers `url_verification`; publishes `message` events
 * as `slack.message.posted` and reactions to messages as `slack.reaction.added` (deduplicated by
 * `event_id`: Slack retries carry the same id); acks other event types without publishing.
 */
export const slackEventsEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/json'],
  async handle(request, context) {
    await authenticateSlack(request, context);
    const envelope = parsePayload(slackEventsEnvelopeSchema, parseJsonBody(request), 'Slack event payload');
    if (envelope.type === 'url_verification') return jsonResponse(200, { challenge: envelope.challenge });
    if (envelope.type === 'app_rate_limited') {
      context.log.warn('Slack is rate limiting event deliveries', { teamId: envelope.team_id });
      return emptyResponse(200);
    }
    if (envelope.event.type === 'reaction_added') {
      const reaction = parseReactionAddedEvent(envelope.event);
      if (!reaction.success) {
        throw badRequest(
          'invalid Slack reaction_added event',
          reaction.error.issues.map((issue) => ({ path: ['event', ...issue.path].join('.'), message: issue.message })),
        );
      }
      const event = normaliseOr400('invalid Slack reaction_added event', () => normaliseSlackReaction(envelope, reaction.data, context.clock.now()));
      if (event === undefined) return jsonResponse(200, { ok: true, published: 0 });
      const outcome = await acceptDelivery(context, { provider: 'slack', id: envelope.event_id }, [event]);
      return jsonResponse(200, { ok: true, published: outcome === 'accepted' ? 1 : 0 });
    }
    if (envelope.event.type !== 'message') return jsonResponse(200, { ok: true, published: 0 });
    const message = parseMessageEvent(envelope.event);
    if (!message.success) {
      throw badRequest(
        'invalid Slack message event',
        message.error.issues.map((issue) => ({ path: ['event', ...issue.path].join('.'), message: issue.message })),
      );
    }
    const event = normaliseOr400('invalid Slack message event', () => normaliseSlackMessage(envelope, message.data, context.clock.now()));
    const outcome = await acceptDelivery(context, { provider: 'slack', id: envelope.event_id }, [event]);
    return jsonResponse(200, { ok: true, published: outcome === 'accepted' ? 1 : 0 });
  },
};
