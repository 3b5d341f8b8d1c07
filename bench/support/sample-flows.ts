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
  {
    automation: 'first-response',
    description: 'a customer writes → a first-response watch with its deadline timer',
    delivery: (n) => ({ provider: 'slack', id: `Ev0WATCH${n}` }),
    event: (n) =>
      createEvent('slack.message.posted', {
        eventId: `Ev0WATCH${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'slack',
        teamId: 'T0EXAMPLE1',
        channel: 'C0ACMEPROD',
        user: `U0WATCH${n}`,
        userTeam: 'T0CUSTOMER1',
        ts: dateToSlackTs(SAMPLE_INSTANT, 500_000 + n),
        text: 'Is the export API rate limited?',
      }),
  },
  {
    automation: 'github-labels',
    description: 'a community member comments on an issue with a "+" label → the label removed',
    delivery: (n) => ({ provider: 'github', id: `gh-comment-sample-${n}` }),
    event: (n) =>
      createEvent('github.issue.commented', {
        eventId: `gh-comment-sample-${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'github',
        repository: { owner: 'example-org', name: 'product' },
        number: n,
        isPullRequest: false,
        state: 'open',
        labels: ['+more info please', 'bug'],
        url: `https://github.com/example-org/product/issues/${n}`,
        commentId: 9_000_000 + n,
        commenter: { login: `community-member-${n}`, type: 'User', authorAssociation: 'NONE' },
      }),
  },
  {
    automation: 'job-applications',
    description: 'a job application from the website → an Unthread conversation, the CSE told, deadline timers',
    delivery: (n) => ({ provider: 'website', id: `form-sample-${n}` }),
    event: (n) =>
      createEvent('contact.form.submitted', {
        eventId: `form-sample-${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'website',
        kind: 'job-application',
        firstName: 'Ada',
        lastName: `Lovelace ${n}`,
        emailAddress: `ada.${n}@example.org`,
        position: '🚀 Software Engineer 🌦️',
        linkedinProfileUrl: 'https://www.linkedin.com/in/ada',
        location: 'London, UK',
        message: 'I have been writing programs for a while.',
      }),
  },
  {
    automation: 'customer-questions',
    description: '"Send to customer questions" on a message → one row in the sheet, a private confirmation',
    delivery: (n) => ({ provider: 'slack', id: `shortcut-sample-${n}` }),
    event: (n) =>
      createEvent('slack.shortcut.used', {
        eventId: `shortcut-sample-${n}`,
        receivedAt: SAMPLE_INSTANT.toISOString(),
        provider: 'slack',
        automation: 'customer-questions',
        callbackId: 'customer-questions:send',
        teamId: 'T0EXAMPLE1',
        user: 'U0TEAMMATE1',
        userName: 'robin',
        userTeam: 'T0EXAMPLE1',
        channel: 'C0ACMEPROD',
        messageTs: dateToSlackTs(SAMPLE_INSTANT, 700_000 + n),
        messageUser: 'U0CUSTOMER1',
        text: 'How do we rotate the API keys?',
      }),
  },
];
