import { readFileSync } from 'node:fs';
import { sendSignedSlackRequest } from '../../infra/cli/scenarios/send-signed-slack-request';
import { newSlackEventId, slackMessagePayload, type SlackMessagePayloadInput } from '../../infra/cli/scenarios/slack-message-payload';
import { newSlackTriggerId, slackShortcutPayload, type SlackShortcutPayloadInput } from '../../infra/cli/scenarios/slack-shortcut-payload';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import type { LocalSwitchboard } from './local-switchboard';
import { TEST_SIGNING_SECRET } from './local-switchboard';

/** Slack's documented payloads, as fixtures. */
export function slackFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

export const COMPANY_TEAM = 'T0EXAMPLE1';
export const CUSTOMER_CHANNEL = 'C0ACMEPROD';
export const CUSTOMER = 'U0CUSTOMER1';
export const CUSTOMER_TEAM = 'T0CUSTOMER1';

/** Sends a signed Events API `message` as Slack would, signed at the runtime's current time. */
export async function postSlackMessage(
  switchboard: LocalSwitchboard,
  input: Partial<SlackMessagePayloadInput> & { postedAt: string; retryNum?: number },
): Promise<{ status: number; body: string; eventId: string; ts: string }> {
  const eventId = input.eventId ?? newSlackEventId();
  const ts = input.ts ?? dateToSlackTs(new Date(input.postedAt));
  const payload = slackMessagePayload({
    teamId: COMPANY_TEAM,
    channel: CUSTOMER_CHANNEL,
    user: CUSTOMER,
    userTeam: CUSTOMER_TEAM,
    text: 'Our production cluster is down since 7pm, please help',
    ...input,
    ts,
    eventId,
  });
  const answer = await sendSlackBody(switchboard, '/webhooks/slack/events', JSON.stringify(payload), 'application/json', input.retryNum);
  return { ...answer, eventId, ts };
}

/** Sends a `block_actions` click on a button of one of our messages, as Slack would. */
export async function clickSlackButton(
  switchboard: LocalSwitchboard,
  input: { user: string; userTeam?: string; channel: string; messageTs: string; threadTs?: string; actionId: string; value: string; triggerId?: string },
): Promise<{ status: number; body: string; triggerId: string }> {
  const triggerId = input.triggerId ?? `${Date.now()}${Math.floor(Math.random() * 1e6)}.1234567890123.${Math.random().toString(16).slice(2)}`;
  const fixture = slackFixture('block-actions');
  const payload = {
    ...fixture,
    trigger_id: triggerId,
    user: { id: input.user, username: 'someone', name: 'someone', team_id: input.userTeam ?? CUSTOMER_TEAM },
    container: { type: 'message', message_ts: input.messageTs, channel_id: input.channel, is_ephemeral: false },
    channel: { id: input.channel, name: 'ext-acme' },
    message: {
      type: 'message',
      text: 'Thanks for your message.',
      ts: input.messageTs,
      bot_id: 'B0SWITCHBD',
      ...(input.threadTs === undefined ? {} : { thread_ts: input.threadTs }),
    },
    actions: [{ action_id: input.actionId, block_id: 'after-hours-escalation', type: 'button', value: input.value, action_ts: dateToSlackTs(switchboard.clock.now()) }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { ...(await sendSlackBody(switchboard, '/webhooks/slack/interactions', body, 'application/x-www-form-urlencoded')), triggerId };
}

export const TEAMMATE = 'U0TEAMMATE1';

/** Uses the "Send to customer questions" shortcut on a customer's message, as Slack posts it. */
export async function useSlackShortcut(
  switchboard: LocalSwitchboard,
  input: Partial<SlackShortcutPayloadInput> & { messageTs: string; retryNum?: number },
): Promise<{ status: number; body: string; triggerId: string }> {
  const triggerId = input.triggerId ?? newSlackTriggerId();
  const payload = slackShortcutPayload({
    teamId: COMPANY_TEAM,
    callbackId: 'customer-questions:send',
    user: TEAMMATE,
    userName: 'robin',
    userTeam: COMPANY_TEAM,
    channel: CUSTOMER_CHANNEL,
    channelName: 'ext-acme',
    messageUser: CUSTOMER,
    messageUserTeam: CUSTOMER_TEAM,
    text: 'How do we rotate the API key without downtime?\nWe have two services using it.',
    actionTs: dateToSlackTs(switchboard.clock.now()),
    ...input,
    triggerId,
  });
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { ...(await sendSlackBody(switchboard, '/webhooks/slack/interactions', body, 'application/x-www-form-urlencoded', input.retryNum)), triggerId };
}

/** Any body to a Slack endpoint, correctly signed at the runtime's current time. */
export async function sendSlackBody(
  switchboard: LocalSwitchboard,
  path: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  retryNum?: number,
): Promise<{ status: number; body: string }> {
  return sendSignedSlackRequest({
    url: `${switchboard.url}${path}`,
    body,
    contentType,
    signingSecret: TEST_SIGNING_SECRET,
    timestampSeconds: Math.floor(switchboard.clock.now().getTime() / 1000),
    ...(retryNum === undefined ? {} : { retryNum }),
  });
}
