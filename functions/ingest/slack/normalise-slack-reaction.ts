import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { SlackEventCallback, SlackReactionAddedEvent } from './slack-payloads';

/**
 * A `reaction_added` on a message as a compact `slack.reaction.added`; a reaction to a file or a file
 * comment names no message, and yields nothing.
 */
export function normaliseSlackReaction(envelope: SlackEventCallback, event: SlackReactionAddedEvent, receivedAt: Date): EventOf<'slack.reaction.added'> | undefined {
  const { item } = event;
  if (item.type !== 'message' || item.channel === undefined || item.ts === undefined) return undefined;
  return createEvent('slack.reaction.added', {
    eventId: envelope.event_id,
    receivedAt: receivedAt.toISOString(),
    provider: 'slack',
    teamId: envelope.team_id,
    user: event.user,
    reaction: event.reaction.slice(0, 100),
    channel: item.channel,
    messageTs: item.ts,
    ...(event.item_user === undefined ? {} : { messageUser: event.item_user }),
    reactedTs: event.event_ts,
  });
}
