import { describe, expect, it } from 'vitest';
import { normaliseSlackShortcut } from '../../../../functions/ingest/slack/normalise-slack-shortcut';
import { messageActionSchema } from '../../../../functions/ingest/slack/slack-payloads';
import { slackFixture } from '../../../support/slack-requests';

const RECEIVED = new Date('2026-11-23T17:05:00Z');

describe('normalising a Slack message shortcut', () => {
  it('routes our shortcut to its automation with the message, identified by the trigger id', () => {
    const event = normaliseSlackShortcut(messageActionSchema.parse(slackFixture('message-action')), RECEIVED);

    expect(event).toEqual({
      detailType: 'slack.shortcut.used',
      detail: {
        eventId: '8123456789012.1234567890123.abcdef0123456789abcdef0123456789',
        receivedAt: RECEIVED.toISOString(),
        provider: 'slack',
        automation: 'customer-questions',
        callbackId: 'customer-questions:send',
        teamId: 'T0EXAMPLE1',
        teamDomain: 'example',
        user: 'U0TEAMMATE1',
        userName: 'robin',
        userTeam: 'T0EXAMPLE1',
        channel: 'C0ACMEPROD',
        channelName: 'ext-acme',
        messageTs: '1795449600.000200',
        messageUser: 'U0CUSTOMER1',
        text: 'How do we rotate the API key without downtime?\nWe have two services using it.',
        responseUrl: 'https://hooks.slack.com/app/T0EXAMPLE1/8123456789012/AbCdEfGhIjKlMnOpQrStUvWx',
      },
    });
  });

  it("drops a response URL that is not Slack's, keeping the shortcut", () => {
    const payload = messageActionSchema.parse({ ...slackFixture('message-action'), response_url: 'https://attacker.example/collect' });

    const event = normaliseSlackShortcut(payload, RECEIVED);

    expect(event?.detail.callbackId).toBe('customer-questions:send');
    expect(event?.detail).not.toHaveProperty('responseUrl');
  });

  it('keeps the thread of a reply, and caps a long message at 4,000 characters', () => {
    const fixture = slackFixture('message-action') as { message: Record<string, unknown> };
    const payload = messageActionSchema.parse({ ...fixture, message: { ...fixture.message, thread_ts: '1795449000.000100', text: 'x'.repeat(5_000) } });

    const event = normaliseSlackShortcut(payload, RECEIVED);

    expect(event?.detail.threadTs).toBe('1795449000.000100');
    expect(event?.detail.text).toHaveLength(4_000);
    expect(event?.detail.text.endsWith('…')).toBe(true);
  });

  it('ignores a shortcut that is not ours (no automation prefix)', () => {
    const payload = messageActionSchema.parse({ ...slackFixture('message-action'), callback_id: 'save_message' });

    expect(normaliseSlackShortcut(payload, RECEIVED)).toBeUndefined();
  });
});
