import { randomBytes } from 'node:crypto';

export interface SlackShortcutPayloadInput {
  /** The workspace the app is installed in (the company's), and its subdomain. */
  teamId: string;
  teamDomain?: string;
  callbackId: string;
  /** Who uses the shortcut (a team member), their name and workspace. */
  user: string;
  userName: string;
  userTeam: string;
  channel: string;
  channelName: string;
  /** The message it is used on, and its author (a customer) with their workspace. */
  messageTs: string;
  messageUser: string;
  messageUserTeam: string;
  text: string;
  threadTs?: string;
  triggerId?: string;
  /** Where Slack takes the app's answer; by default a made-up https://hooks.slack.com/app/… one. */
  responseUrl?: string;
  /** When the shortcut was used (its `action_ts`). */
  actionTs: string;
}

/**
 * An interactivity `message_action` payload, shaped like Slack's documented message-shortcut payloads,
 * for `switchboard simulate slack-shortcut` and the tests. Slack posts it as the form field `payload`.
 */
export function slackShortcutPayload(input: SlackShortcutPayloadInput): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'XXYYZZ1234567890',
    action_ts: input.actionTs,
    team: { id: input.teamId, domain: input.teamDomain ?? 'example' },
    user: { id: input.user, username: input.userName, name: input.userName, team_id: input.userTeam },
    channel: { id: input.channel, name: input.channelName },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? newSlackTriggerId(),
    response_url: input.responseUrl ?? `https://hooks.slack.com/app/${input.teamId}/${randomDigits(13)}/${randomBytes(12).toString('base64url')}`,
    message_ts: input.messageTs,
    message: {
      client_msg_id: crypto.randomUUID(),
      type: 'message',
      text: input.text,
      user: input.messageUser,
      ts: input.messageTs,
      ...(input.threadTs === undefined ? {} : { thread_ts: input.threadTs }),
      team: input.messageUserTeam,
      user_team: input.messageUserTeam,
      source_team: input.messageUserTeam,
      blocks: [
        {
          type: 'rich_text',
          block_id: randomBytes(3).toString('hex'),
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: input.text }] }],
        },
      ],
    },
  };
}

/** An id shaped like Slack's trigger ids ("8123456789012.1234567890123.abcdef…"). */
export function newSlackTriggerId(): string {
  return `${randomDigits(13)}.${randomDigits(13)}.${randomBytes(16).toString('hex')}`;
}

function randomDigits(length: number): string {
  return Array.from(randomBytes(length), (byte) => String(byte % 10)).join('');
}
