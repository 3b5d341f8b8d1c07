import { randomBytes } from 'node:crypto';

export interface BlockActionsInput {
  teamId: string;
  /** Who clicks, and their workspace. */
  user: string;
  userTeam: string;
  channel: string;
  /** The message whose button is clicked, and its thread. */
  messageTs: string;
  threadTs: string;
  actionId: string;
  buttonText: string;
  value: string;
  actionTs: string;
  triggerId?: string;
}

/**
 * A `block_actions` interaction — a click on a button of one of our messages — shaped like Slack's
 * documented payload, for `switchboard simulate slack-click` and the tests.
 */
export function slackBlockActionsPayload(input: BlockActionsInput): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: input.user, username: 'customer', name: 'customer', team_id: input.userTeam },
    api_app_id: 'A0SWITCHBD1',
    token: 'XXYYZZ1234567890',
    container: { type: 'message', message_ts: input.messageTs, channel_id: input.channel, is_ephemeral: false, thread_ts: input.threadTs },
    trigger_id: input.triggerId ?? newSlackClickTriggerId(),
    team: { id: input.teamId, domain: 'example' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel, name: 'shared' },
    message: { type: 'message', subtype: 'bot_message', text: 'Thanks for your message.', ts: input.messageTs, bot_id: 'B0SWITCHBD', thread_ts: input.threadTs },
    state: { values: {} },
    response_url: `https://hooks.slack.com/actions/${input.teamId}/${randomBytes(6).toString('hex')}/${randomBytes(12).toString('hex')}`,
    actions: [
      {
        action_id: input.actionId,
        block_id: 'after-hours-escalation',
        text: { type: 'plain_text', text: input.buttonText, emoji: true },
        value: input.value,
        type: 'button',
        action_ts: input.actionTs,
      },
    ],
  };
}

/** A trigger id shaped like Slack's ("8030012345678.1234567890123.0123…"): unique per click. */
export function newSlackClickTriggerId(): string {
  return `${Date.now()}${randomBytes(2).readUInt16BE() % 1000}.1234567890123.${randomBytes(16).toString('hex')}`;
}
