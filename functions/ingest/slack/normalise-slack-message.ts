import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { SlackEventCallback, SlackMessageEvent } from './slack-payloads';

const TEXT_LIMIT = 500;

/**
 * A Slack `message` event as a compact `slack.message.posted` (never the raw payload). Edits carry their
 * author in `message`, so the sender is read from there when the top level has none.
 */
export function normaliseSlackMessage(
  envelope: SlackEventCallback,
  event: SlackMessageEvent,
  receivedAt: Date,
): EventOf<'slack.message.posted'> {
  const edited = typeof event['message'] === 'object' && event['message'] !== null ? (event['message'] as Record<string, unknown>) : undefined;
  const user = event.user ?? stringOrUndefined(edited?.['user']);
  const userTeam = event.user_team ?? event.team ?? stringOrUndefined(edited?.['user_team']);
  return createEvent('slack.message.posted', {
    eventId: envelope.event_id,
    receivedAt: receivedAt.toISOString(),
    provider: 'slack',
    teamId: envelope.team_id,
    channel: event.channel,
    ...(user === undefined ? {} : { user }),
    ...(userTeam === undefined ? {} : { userTeam }),
    ...(event.bot_id === undefined ? {} : { botId: event.bot_id }),
    ...(event.subtype === undefined ? {} : { subtype: event.subtype }),
    ts: event.ts,
    ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }),
    text: (event.text ?? '').slice(0, TEXT_LIMIT),
  });
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
