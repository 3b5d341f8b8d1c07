import type { DetailOf, EventOf } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';

/** A customer's message in the example's customer channel (Sunday evening, Slack Connect). */
export function sampleSlackMessage(overrides: Partial<DetailOf<'slack.message.posted'>> = {}): DetailOf<'slack.message.posted'> {
  return {
    eventId: 'Ev0MESSAGE1',
    receivedAt: '2026-11-23T04:00:00.000Z',
    provider: 'slack',
    teamId: 'T0EXAMPLE1',
    channel: 'C0ACMEPROD',
    user: 'U0CUSTOMER1',
    userTeam: 'T0CUSTOMER1',
    ts: '1795406400.000200',
    text: 'Our production cluster is down',
    ...overrides,
  };
}

export function sampleSlackMessageEvent(overrides: Partial<DetailOf<'slack.message.posted'>> = {}): EventOf<'slack.message.posted'> {
  return createEvent('slack.message.posted', sampleSlackMessage(overrides));
}

/** What the after-hours buttons publish: the customer of the example's channel asks for a page from their thread at `at`. */
export function sampleEmergencyRequestEvent(at: Date, options: { severity?: 'P0' | 'P1'; sequence?: number; excerpt?: string } = {}): EventOf<'slack.emergency.requested'> {
  const threadTs = dateToSlackTs(at, options.sequence ?? 0);
  return createEvent('slack.emergency.requested', {
    eventId: `emergency:C0ACMEPROD:${threadTs}`,
    receivedAt: at.toISOString(),
    provider: 'slack',
    severity: options.severity ?? 'P0',
    channel: 'C0ACMEPROD',
    customer: 'Acme Corp',
    requestedBy: 'U0CUSTOMER1',
    messageTs: threadTs,
    threadTs,
    noticeTs: threadTs,
    excerpt: options.excerpt ?? 'Checkout returns 503s for every customer since 7pm',
  });
}
