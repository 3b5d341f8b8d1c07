import type { DetailOf, EventOf } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';

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
