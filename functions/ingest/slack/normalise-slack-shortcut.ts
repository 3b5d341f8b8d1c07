import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { SlackMessageAction } from './slack-payloads';
import { trustedResponseUrl } from './trusted-response-url';

const TEXT_LIMIT = 4_000;

/**
 * A message shortcut as a compact `slack.shortcut.used`, or nothing when its callback id is not ours.
 * Our callback ids are `{automation}:{shortcut}` (like action ids), which routes the shortcut to the
 * automation that owns it. `trigger_id` is unique per use: a second use is a new event, a retry of one
 * is the same. Its `response_url`, the way to answer the person even where the bot cannot post, is kept
 * only when it is Slack's (or under `responseUrlOverride`, in tests).
 */
export function normaliseSlackShortcut(payload: SlackMessageAction, receivedAt: Date, responseUrlOverride?: string): EventOf<'slack.shortcut.used'> | undefined {
  const separator = payload.callback_id.indexOf(':');
  if (separator <= 0) return undefined;
  const { message, user, channel, team } = payload;
  const teamId = team?.id ?? user.team_id;
  const userName = user.name ?? user.username;
  const text = message.text ?? '';
  const responseUrl = trustedResponseUrl(payload.response_url, responseUrlOverride);
  return createEvent('slack.shortcut.used', {
    eventId: payload.trigger_id,
    receivedAt: receivedAt.toISOString(),
    provider: 'slack',
    automation: payload.callback_id.slice(0, separator),
    callbackId: payload.callback_id,
    teamId: teamId ?? '',
    ...(team?.domain === undefined ? {} : { teamDomain: team.domain.slice(0, 100) }),
    user: user.id,
    ...(userName === undefined ? {} : { userName: userName.slice(0, 100) }),
    ...(user.team_id === undefined ? {} : { userTeam: user.team_id }),
    channel: channel.id,
    ...(channel.name === undefined ? {} : { channelName: channel.name.slice(0, 100) }),
    messageTs: message.ts,
    ...(message.thread_ts === undefined ? {} : { threadTs: message.thread_ts }),
    ...(message.user === undefined ? {} : { messageUser: message.user }),
    ...(message.bot_id === undefined ? {} : { messageBotId: message.bot_id }),
    text: text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text,
    ...(responseUrl === undefined ? {} : { responseUrl }),
  });
}
