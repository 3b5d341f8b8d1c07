import { describe, expect, it } from 'vitest';
import { normaliseSlackMessage } from '../../../../functions/ingest/slack/normalise-slack-message';
import { eventCallbackSchema, parseMessageEvent, type SlackEventCallback } from '../../../../functions/ingest/slack/slack-payloads';
import { slackFixture } from '../../../support/slack-requests';

const RECEIVED = new Date('2026-11-23T04:00:01Z');

function normalise(fixture: Record<string, unknown>) {
  const envelope = eventCallbackSchema.parse(fixture) as SlackEventCallback;
  return normaliseSlackMessage(envelope, parseMessageEvent(envelope.event).data!, RECEIVED);
}

describe('normalising a Slack message event', () => {
  it('keeps what automations read from a Slack Connect message, and nothing else', () => {
    const event = normalise(slackFixture('message-shared-channel'));
    expect(event).toEqual({
      detailType: 'slack.message.posted',
      detail: {
        eventId: 'Ev0ACME00001',
        receivedAt: RECEIVED.toISOString(),
        provider: 'slack',
        teamId: 'T0EXAMPLE1',
        channel: 'C0ACMEPROD',
        user: 'U0CUSTOMER1',
        userTeam: 'T0CUSTOMER1',
        ts: '1795406400.000200',
        text: 'Hi team, our production deployment is failing with 503s since 7pm. Can someone take a look?',
      },
    });
  });

  it('reads the author of an edit from the edited message', () => {
    const event = normalise(slackFixture('message-changed'));
    expect(event.detail).toMatchObject({ subtype: 'message_changed', user: 'U0CUSTOMER1', userTeam: 'T0CUSTOMER1', ts: '1795406460.000300' });
  });

  it('keeps the bot id of a bot message', () => {
    expect(normalise(slackFixture('bot-message')).detail).toMatchObject({ subtype: 'bot_message', botId: 'B0DEPLOYBOT' });
  });

  it('cuts the text to 500 characters, so events stay compact', () => {
    const fixture = slackFixture('message-shared-channel');
    const event = normalise({ ...fixture, event: { ...(fixture['event'] as object), text: 'x'.repeat(40_000) } });
    expect(event.detail.text).toHaveLength(500);
  });
});
