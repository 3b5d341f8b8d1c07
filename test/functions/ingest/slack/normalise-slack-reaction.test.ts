import { describe, expect, it } from 'vitest';
import { normaliseSlackReaction } from '../../../../functions/ingest/slack/normalise-slack-reaction';
import { eventCallbackSchema, parseReactionAddedEvent } from '../../../../functions/ingest/slack/slack-payloads';
import { slackFixture } from '../../../support/slack-requests';

const RECEIVED = new Date('2026-11-23T17:05:00Z');

function parsed(fixture: Record<string, unknown>) {
  const envelope = eventCallbackSchema.parse(fixture);
  const reaction = parseReactionAddedEvent(envelope.event);
  if (!reaction.success) throw new Error('fixture does not parse');
  return { envelope, reaction: reaction.data };
}

describe('normalising a Slack reaction', () => {
  it('names who reacted to which message, identified by the event id', () => {
    const { envelope, reaction } = parsed(slackFixture('reaction-added'));

    expect(normaliseSlackReaction(envelope, reaction, RECEIVED)).toEqual({
      detailType: 'slack.reaction.added',
      detail: {
        eventId: 'Ev0REACTION01',
        receivedAt: RECEIVED.toISOString(),
        provider: 'slack',
        teamId: 'T0EXAMPLE1',
        user: 'U0TEAMMATE1',
        reaction: 'eyes',
        channel: 'C0ACMEPROD',
        messageTs: '1795449600.000200',
        messageUser: 'U0CUSTOMER1',
        reactedTs: '1795449660.000300',
      },
    });
  });

  it('yields nothing for a reaction to a file', () => {
    const fixture = slackFixture('reaction-added') as { event: Record<string, unknown> };
    const { envelope, reaction } = parsed({ ...fixture, event: { ...fixture.event, item: { type: 'file', file: 'F0FILE0001' } } });

    expect(normaliseSlackReaction(envelope, reaction, RECEIVED)).toBeUndefined();
  });
});
