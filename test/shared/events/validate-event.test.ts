import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { detailTypes, eventCatalogue, type Catalogue, type DetailType } from '../../../shared/events/catalogue';
import { createEvent, InvalidEventError, validateEvent } from '../../../shared/events/validate-event';
import { sampleSlackMessage } from '../../support/sample-events';

const RECEIVED_AT = '2026-11-22T20:00:00.000Z';
const repository = { owner: 'example-org', name: 'switchboard' };
const commenter = { login: 'someone', type: 'User', authorAssociation: 'NONE' };

/** One valid detail per detail-type; adding a detail-type to the catalogue without a sample here fails to compile. */
const validDetails: { [T in DetailType]: z.input<Catalogue[T]> } = {
  'slack.message.posted': sampleSlackMessage({ receivedAt: RECEIVED_AT, ts: '1763841599.000100' }),
  'slack.button.clicked': {
    eventId: 'click:1234.5678',
    receivedAt: RECEIVED_AT,
    provider: 'slack',
    automation: 'after-hours',
    actionId: 'after-hours:escalate-p0',
    value: 'P0',
    user: 'U0CUSTOMER1',
    channel: 'C0ACMEPROD',
    messageTs: '1763841600.000200',
  },
  'slack.emergency.requested': {
    eventId: 'emergency:C0ACMEPROD:1763841599.000100',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    severity: 'P0',
    channel: 'C0ACMEPROD',
    customer: 'Acme Corp',
    requestedBy: 'U0CUSTOMER1',
    messageTs: '1763841599.000100',
    threadTs: '1763841599.000100',
    noticeTs: '1763841600.000200',
    excerpt: 'Our production cluster is down',
  },
  'slack.shortcut.used': {
    eventId: '8030012345678.1234567890123.0123456789abcdef',
    receivedAt: RECEIVED_AT,
    provider: 'slack',
    automation: 'customer-questions',
    callbackId: 'customer-questions:send',
    teamId: 'T0EXAMPLE1',
    teamDomain: 'example',
    user: 'U0TEAMMATE1',
    userName: 'robin',
    channel: 'C0ACMEPROD',
    channelName: 'ext-acme',
    messageTs: '1763841599.000100',
    messageUser: 'U0CUSTOMER1',
    text: 'How do I rotate the API key?',
  },
  'slack.reaction.added': {
    eventId: 'Ev0REACTION1',
    receivedAt: RECEIVED_AT,
    provider: 'slack',
    teamId: 'T0EXAMPLE1',
    user: 'U0TEAMMATE1',
    reaction: 'eyes',
    channel: 'C0ACMEPROD',
    messageTs: '1763841599.000100',
    messageUser: 'U0CUSTOMER1',
    reactedTs: '1763841660.000300',
  },
  'github.issue.commented': {
    eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    receivedAt: RECEIVED_AT,
    provider: 'github',
    repository,
    number: 42,
    isPullRequest: false,
    state: 'open',
    labels: ['+more info please'],
    url: 'https://github.com/example-org/switchboard/issues/42',
    commentId: 1001,
    commenter,
  },
  'github.issue.labeled': {
    eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0959',
    receivedAt: RECEIVED_AT,
    provider: 'github',
    repository,
    number: 42,
    isPullRequest: true,
    state: 'open',
    labels: ['~investigate'],
    url: 'https://github.com/example-org/switchboard/pull/42',
    label: { name: '~investigate', color: 'fbca04' },
    sender: { login: 'octocat', type: 'User' },
  },
  'github.issue.unlabeled': {
    eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0960',
    receivedAt: RECEIVED_AT,
    provider: 'github',
    repository,
    number: 42,
    isPullRequest: false,
    state: 'closed',
    labels: [],
    url: 'https://github.com/example-org/switchboard/issues/42',
    label: { name: '~investigate', color: 'fbca04', description: null },
    sender: { login: 'octocat', type: 'User' },
  },
  'github.issue.state.changed': {
    eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0962',
    receivedAt: RECEIVED_AT,
    provider: 'github',
    repository,
    number: 42,
    isPullRequest: false,
    state: 'closed',
    labels: ['~investigate'],
    url: 'https://github.com/example-org/switchboard/issues/42',
    action: 'closed',
    sender: { login: 'octocat', type: 'User' },
  },
  'github.label.changed': {
    eventId: '72d3162e-cc78-11e3-81ab-4c9367dc0961',
    receivedAt: RECEIVED_AT,
    provider: 'github',
    repository,
    action: 'edited',
    label: { name: 'customer-acme', color: '0e8a16', description: 'Acme Corp' },
    previousName: 'customer-acme-old',
    changed: ['name'],
    sender: { login: 'octocat', type: 'User' },
  },
  'github.codename.mirror.requested': {
    eventId: 'codename-mirror:72d3162e-cc78-11e3-81ab-4c9367dc0961',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    label: { name: 'customer-acme', color: '0e8a16' },
    previousName: 'customer-acme-old',
  },
  'contact.form.submitted': {
    eventId: 'form:8f2c',
    receivedAt: RECEIVED_AT,
    provider: 'website',
    kind: 'job-application',
    firstName: 'Ann',
    lastName: 'Example',
    emailAddress: 'ann@example.com',
    position: 'Customer Success Engineer',
  },
  'sms.received': {
    eventId: 'SM0123456789abcdef',
    receivedAt: RECEIVED_AT,
    provider: 'twilio',
    messageSid: 'SM0123456789abcdef',
    from: '+15555550100',
    to: '+15555550199',
    body: 'ACK 4821',
  },
  'sms.status': {
    eventId: 'SM0123456789abcdef:delivered',
    receivedAt: RECEIVED_AT,
    provider: 'twilio',
    messageSid: 'SM0123456789abcdef',
    status: 'delivered',
  },
  'salesforce.account.changed': {
    eventId: '04l5e000000ABCDEFG',
    receivedAt: RECEIVED_AT,
    provider: 'salesforce',
    organizationId: '00D5e000000ABCDEAA',
    accountId: '0015e00000ABCDE',
    accountName: 'Acme Corp',
    fields: { GitHub_label__c: 'customer-acme' },
  },
  'codename.assigned': {
    eventId: 'codename:customer-acme',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    label: 'customer-acme',
    customerName: 'Acme Corp',
  },
  'timer.fired': {
    eventId: 'timer:paging:inc-1:escalate:1',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    automation: 'paging',
    timerId: 'paging:inc-1:escalate:1',
    kind: 'escalate',
    subject: 'inc-1',
    dueAt: RECEIVED_AT,
  },
  'incident.open.requested': {
    eventId: 'cli:5f0c2a',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    severity: 'P0',
    customer: 'Acme Corp',
    excerpt: 'Checkout is down',
    requestedBy: 'cli',
  },
  'unthread.conversation.updated': {
    eventId: '49bac55d-5445-4e70-ad72-c87e2e8adb3f',
    receivedAt: RECEIVED_AT,
    provider: 'unthread',
    conversationId: 'b72c8bcd-0387-4a6d-92b3-14016c3c53e5',
    status: 'closed',
    updatedAt: RECEIVED_AT,
  },
  'incident.ack.requested': {
    eventId: 'cli:7a1b3c',
    receivedAt: RECEIVED_AT,
    provider: 'switchboard',
    incident: 'K7QP',
    by: 'Dana',
  },
};

/** The InvalidEventError validateEvent throws. */
function invalidEventErrorOf(detailType: string, detail: unknown): InvalidEventError {
  try {
    validateEvent(detailType, detail);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return error as InvalidEventError;
  }
  throw new Error(`expected ${detailType} to be refused`);
}

function without(detail: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...detail };
  delete copy[key];
  return copy;
}

describe('validate event', () => {
  it('refuses an unknown detail-type, naming it', () => {
    const error = invalidEventErrorOf('slack.message.deleted', validDetails['slack.message.posted']);

    expect(error.detailType).toBe('slack.message.deleted');
    expect(error.message).toContain('slack.message.deleted');
  });

  it('refuses a detail-type inherited from Object.prototype', () => {
    expect(invalidEventErrorOf('toString', {}).detailType).toBe('toString');
  });

  it('returns a valid event typed by its detail-type', () => {
    const event = validateEvent('slack.message.posted', validDetails['slack.message.posted']);

    expect(event).toEqual({ detailType: 'slack.message.posted', detail: validDetails['slack.message.posted'] });
  });

  it('names the path of each bad field', () => {
    const error = invalidEventErrorOf('github.issue.commented', {
      ...validDetails['github.issue.commented'],
      repository: { owner: '', name: 'switchboard' },
      number: -1,
    });

    expect(error.detailType).toBe('github.issue.commented');
    expect(error.issues.map((issue) => issue.path)).toEqual(['repository.owner', 'number']);
    expect(error.message).toContain('repository.owner');
  });

  it('refuses a Slack ts that is not one', () => {
    const error = invalidEventErrorOf('slack.message.posted', { ...validDetails['slack.message.posted'], ts: 'yesterday' });

    expect(error.issues).toEqual([{ path: 'ts', message: expect.stringContaining('Slack ts') }]);
  });

  it('refuses a detail that is not an object, at the root', () => {
    const error = invalidEventErrorOf('timer.fired', 'not an object');

    expect(error.issues).toEqual([{ path: '', message: expect.any(String) }]);
    expect(error.message).toContain('(root)');
  });

  it('refuses an event from the wrong provider', () => {
    const error = invalidEventErrorOf('sms.received', { ...validDetails['sms.received'], provider: 'slack' });

    expect(error.issues.map((issue) => issue.path)).toEqual(['provider']);
  });

  describe.each(detailTypes)('%s', (detailType) => {
    it('accepts its sample detail', () => {
      expect(validateEvent(detailType, validDetails[detailType]).detailType).toBe(detailType);
    });

    it.each(['eventId', 'receivedAt', 'provider'])('refuses a detail without %s', (field) => {
      const error = invalidEventErrorOf(detailType, without(validDetails[detailType], field));

      expect(error.issues.map((issue) => issue.path)).toEqual([field]);
    });

    it('refuses a receivedAt that is not an ISO instant', () => {
      const error = invalidEventErrorOf(detailType, { ...validDetails[detailType], receivedAt: 'Sunday evening' });

      expect(error.issues.map((issue) => issue.path)).toEqual(['receivedAt']);
    });
  });

  it('covers every detail-type the catalogue has', () => {
    expect(Object.keys(validDetails).sort()).toEqual(Object.keys(eventCatalogue).sort());
  });
});

describe('create event', () => {
  it('builds a validated event with the parsed detail', () => {
    const event = createEvent('timer.fired', validDetails['timer.fired']);

    expect(event.detailType).toBe('timer.fired');
    expect(event.detail.automation).toBe('paging');
  });

  it('refuses a detail that does not match its schema', () => {
    expect(() => createEvent('sms.received', { ...validDetails['sms.received'], from: '555-0100' })).toThrow(InvalidEventError);
  });
});
