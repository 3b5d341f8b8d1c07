import { randomBytes } from 'node:crypto';

export interface SlackMessagePayloadInput {
  /** The workspace the app is installed in (the company's). */
  teamId: string;
  channel: string;
  user: string;
  /** The sender's own workspace: another one for a Slack Connect customer. */
  userTeam: string;
  text: string;
  ts: string;
  threadTs?: string;
  eventId?: string;
  botId?: string;
  subtype?: string;
}

/**
 * An Events API `event_callback` carrying a `message` in a shared (Slack Connect) channel, shaped like
 * Slack's documented payloads (`message.channels`), for `switchboard simulate` and the tests.
 */
export function slackMessagePayload(input: SlackMessagePayloadInput): Record<string, unknown> {
  const eventTime = Math.floor(Number(input.ts));
  return {
    token: 'XXYYZZ1234567890',
    team_id: input.teamId,
    context_team_id: input.teamId,
    context_enterprise_id: null,
    api_app_id: 'A0SWITCHBD1',
    event: {
      type: 'message',
      ...(input.subtype === undefined ? {} : { subtype: input.subtype }),
      ...(input.botId === undefined ? { user: input.user } : { bot_id: input.botId }),
      text: input.text,
      ts: input.ts,
      ...(input.threadTs === undefined ? {} : { thread_ts: input.threadTs }),
      team: input.userTeam,
      user_team: input.userTeam,
      source_team: input.userTeam,
      channel: input.channel,
      event_ts: input.ts,
      channel_type: 'channel',
      blocks: [
        {
          type: 'rich_text',
          block_id: randomBytes(3).toString('hex'),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: input.text }] }],
        },
      ],
    },
    type: 'event_callback',
    event_id: input.eventId ?? newSlackEventId(),
    event_time: eventTime,
    authorizations: [{ enterprise_id: null, team_id: input.teamId, user_id: 'U0SWITCHBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: true,
    event_context: `4-${Buffer.from(JSON.stringify({ et: 'message', tid: input.teamId, cid: input.channel })).toString('base64url')}`,
  };
}

/** An id shaped like Slack's event ids ("Ev08ABCDEF12"). */
export function newSlackEventId(): string {
  return `Ev0${randomBytes(6).toString('hex').toUpperCase().slice(0, 9)}`;
}
