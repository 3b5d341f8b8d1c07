import { describe, expect, it } from 'vitest';
import { normaliseSlackInteraction } from '../../../../functions/ingest/slack/normalise-slack-interaction';
import { blockActionsSchema } from '../../../../functions/ingest/slack/slack-payloads';
import { slackFixture } from '../../../support/slack-requests';

const RECEIVED = new Date('2026-11-23T04:02:00Z');

describe('normalising a Slack button click', () => {
  it('routes a click on one of our buttons to its automation, identified by the trigger id', () => {
    const [event, ...rest] = normaliseSlackInteraction(blockActionsSchema.parse(slackFixture('block-actions')), RECEIVED);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      detailType: 'slack.button.clicked',
      detail: {
        eventId: '8030012345678.1234567890123.0123456789abcdef0123456789abcdef',
        provider: 'slack',
        automation: 'after-hours',
        actionId: 'after-hours:escalate-p0',
        user: 'U0CUSTOMER1',
        userTeam: 'T0CUSTOMER1',
        channel: 'C0ACMEPROD',
        messageTs: '1795406401.000300',
        threadTs: '1795406400.000200',
      },
    });
  });

  it('ignores buttons that are not ours (no automation prefix)', () => {
    const fixture = slackFixture('block-actions');
    const payload = blockActionsSchema.parse({ ...fixture, actions: [{ action_id: 'approve_button', value: 'x', type: 'button' }] });
    expect(normaliseSlackInteraction(payload, RECEIVED)).toEqual([]);
  });
});
