import type { DomainEvent } from '../../shared/events/catalogue';
import { createEvent } from '../../shared/events/validate-event';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';

/** Sunday evening, Pacific: after hours. */
export const SAMPLE_INSTANT = new Date('2026-11-22T20:00:00-08:00');

/**
 * One typical event per automation, as its provider's webhook becomes it: what the store-write counts,
 * the bundle runs and the cost model use. `n` makes each event (and its effects) new.
 */
export interface SampleFlow {
  automation: string;
  /** What happens, in a few words, for the report. */
  description: string;
  /** The webhook's provider and delivery id (the dedupe key on the way in). */
  delivery: (n: number) => { provider: string; id: string };
  event: (n: number) => DomainEvent;
}

export const sampleFlows: readonly SampleFlow[] = [
  {
    automation: 'after-hours',
    description: 'a customer writes after hours → one threaded notice',
    delivery: (n) => ({ provider: 'slack', id: `Ev0SAMPLE${n}` }),
    event: (n) =>
      createEvent('slack.message.posted', {
        eventId: `Ev0SAMPLE${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'slack',
        teamId: 'T0EXAMPLE1',
        channel: 'C0ACMEPROD',
        user: `U0SAMPLE${n}`,
        userTeam: 'T0CUSTOMER1',
        ts: dateToSlackTs(SAMPLE_INSTANT, n),
        text: 'Our production cluster is down',
      }),
  },
  {
    automation: 'paging',
    description: 'a P0 escalation → incident, internal post, first SMS page, escalation timer',
    delivery: (n) => ({ provider: 'slack', id: `Tr0SAMPLE${n}` }),
    event: (n) => {
      const ts = dateToSlackTs(SAMPLE_INSTANT, n);
      return createEvent('slack.emergency.requested', {
        eventId: `emergency:C0ACMEPROD:${ts}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'slack',
        severity: 'P0',
        channel: 'C0ACMEPROD',
        customer: 'Acme Corp',
        requestedBy: 'U0CUSTOMER1',
        messageTs: ts,
        threadTs: ts,
        noticeTs: ts,
        excerpt: 'Checkout returns 503s for every customer',
      });
    },
  },
  {
    automation: 'codename-sync',
    description: "a codename assigned in the confidential repository → its customer's Account found, one field update",
    delivery: (n) => ({ provider: 'switchboard', id: `codename-assigned:sample-${n}` }),
    event: (n) =>
      createEvent('codename.assigned', {
        eventId: `codename-assigned:sample-${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'switchboard',
        label: `customer-sample-${n}`,
        customerName: `Sample Customer ${n}`,
      }),
  },
];
