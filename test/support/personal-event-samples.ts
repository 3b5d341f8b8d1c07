import type * as z from 'zod/mini';
import { eventCatalogue, type DetailOf, type DetailType } from '../../shared/events/catalogue';

/**
 * One event of a detail-type with every field filled, and the fields that hold personal data (names,
 * e-mail addresses, phone numbers, free text, customers' names, LinkedIn addresses, locations), as dotted
 * paths. Written by hand, independently of the masking rule (`shared/events/public-fields.ts`), so that
 * tests can check the rule against it.
 */
export interface PersonalEventSample<T extends DetailType> {
  detail: DetailOf<T>;
  personal: readonly string[];
}

const RECEIVED = '2026-11-23T04:00:00.000Z';
const ISSUE = { repository: { owner: 'example-org', name: 'product' }, number: 42, isPullRequest: false, state: 'open' as const, labels: ['customer-blue-heron', 'waiting-on-customer'], url: 'https://github.com/example-org/product/issues/42' };
const OCTOCAT = { login: 'octocat', type: 'User' };

/** A sample of every event of the catalogue: a detail-type added without one fails the typecheck and the tests that loop over the catalogue. */
export const personalEventSamples: { [T in DetailType]: PersonalEventSample<T> } = {
  'slack.message.posted': {
    detail: { eventId: 'Ev0SAMPLE01', receivedAt: RECEIVED, provider: 'slack', teamId: 'T0EXAMPLE1', channel: 'C0ACMEPROD', user: 'U0CUSTOMER1', userTeam: 'T0CUSTOMER1', botId: 'B0SAMPLE01', subtype: 'thread_broadcast', ts: '1795406400.000200', threadTs: '1795406300.000100', text: 'Our production cluster is down since 7pm, please help' },
    personal: ['text'],
  },
  'slack.button.clicked': {
    detail: {
      eventId: 'Ev0SAMPLE02',
      receivedAt: RECEIVED,
      provider: 'slack',
      automation: 'after-hours',
      actionId: 'after-hours:escalate-p0',
      value: JSON.stringify({ sender: 'U0CUSTOMER1', messageTs: '1795406400.000200', threadTs: '1795406400.000200', excerpt: 'Checkout returns 503s for every shopper' }),
      user: 'U0CUSTOMER1',
      userTeam: 'T0CUSTOMER1',
      channel: 'C0ACMEPROD',
      messageTs: '1795406460.000300',
      threadTs: '1795406400.000200',
    },
    personal: ['value'],
  },
  'slack.emergency.requested': {
    detail: { eventId: 'emergency:C0ACMEPROD:1795406400.000200', receivedAt: RECEIVED, provider: 'slack', severity: 'P0', channel: 'C0ACMEPROD', customer: 'Globex Aeronautics', requestedBy: 'U0CUSTOMER1', messageTs: '1795406400.000200', threadTs: '1795406400.000200', noticeTs: '1795406460.000300', excerpt: 'Payments fail for all our stores' },
    personal: ['customer', 'excerpt'],
  },
  'slack.shortcut.used': {
    detail: {
      eventId: 'Ev0SAMPLE04',
      receivedAt: RECEIVED,
      provider: 'slack',
      automation: 'customer-questions',
      callbackId: 'customer-questions:send',
      teamId: 'T0EXAMPLE1',
      teamDomain: 'example',
      user: 'U0TEAMMATE1',
      userName: 'robin.hartley',
      userTeam: 'T0EXAMPLE1',
      channel: 'C0ACMEPROD',
      channelName: 'ext-initech-partners',
      messageTs: '1795449600.000200',
      threadTs: '1795449500.000100',
      messageUser: 'U0CUSTOMER1',
      messageBotId: 'B0SAMPLE01',
      text: 'How do we rotate the API key without downtime?\nWe have two services using it.',
      responseUrl: 'https://hooks.slack.com/app/T0EXAMPLE1/8123456789012/AbCdEfGhIjKlMnOp',
    },
    personal: ['userName', 'channelName', 'text', 'responseUrl'],
  },
  'slack.reaction.added': {
    detail: { eventId: 'Ev0SAMPLE05', receivedAt: RECEIVED, provider: 'slack', teamId: 'T0EXAMPLE1', user: 'U0TEAMMATE1', reaction: 'white_check_mark', channel: 'C0ACMEPROD', messageTs: '1795406400.000200', messageUser: 'U0CUSTOMER1', reactedTs: '1795406500.000400' },
    personal: [],
  },
  'incident.open.requested': {
    detail: { eventId: 'cli:Ev0SAMPLE06', receivedAt: RECEIVED, provider: 'switchboard', severity: 'P1', customer: 'Umbrella Logistics', excerpt: 'the dashboard shows no data since noon', requestedBy: 'Morgan Whitfield' },
    personal: ['customer', 'excerpt', 'requestedBy'],
  },
  'incident.ack.requested': {
    detail: { eventId: 'console:Ev0SAMPLE07', receivedAt: RECEIVED, provider: 'switchboard', incident: 'INC-7K2Q9', by: 'Robin Hartley' },
    personal: ['by'],
  },
  'github.issue.commented': {
    detail: { eventId: 'gh-0001', receivedAt: RECEIVED, provider: 'github', ...ISSUE, commentId: 1001, commenter: { ...OCTOCAT, authorAssociation: 'MEMBER' } },
    personal: [],
  },
  'github.issue.labeled': {
    detail: { eventId: 'gh-0002', receivedAt: RECEIVED, provider: 'github', ...ISSUE, label: { name: 'customer-blue-heron', color: '1d76db', description: 'Globex Aeronautics, enterprise plan' }, sender: OCTOCAT },
    personal: ['label.description'],
  },
  'github.issue.unlabeled': {
    detail: { eventId: 'gh-0003', receivedAt: RECEIVED, provider: 'github', ...ISSUE, label: { name: 'customer-silver-fox', color: '0e8a16', description: 'Initech Partners, pilot' }, sender: OCTOCAT },
    personal: ['label.description'],
  },
  'github.issue.state.changed': {
    detail: { eventId: 'gh-0004', receivedAt: RECEIVED, provider: 'github', ...ISSUE, action: 'closed', sender: OCTOCAT },
    personal: [],
  },
  'github.label.changed': {
    detail: { eventId: 'gh-0005', receivedAt: RECEIVED, provider: 'github', repository: ISSUE.repository, action: 'edited', label: { name: 'customer-green-owl', color: 'fbca04', description: 'Umbrella Logistics renewal' }, previousName: 'customer-grey-owl', changed: ['name', 'description'], sender: OCTOCAT },
    personal: ['label.description'],
  },
  'github.codename.mirror.requested': {
    detail: { eventId: 'mirror:gh-0005', receivedAt: RECEIVED, provider: 'switchboard', label: { name: 'customer-green-owl', color: 'fbca04' }, previousName: 'customer-grey-owl' },
    personal: [],
  },
  'contact.form.submitted': {
    detail: {
      eventId: 'website:Ev0SAMPLE14',
      receivedAt: RECEIVED,
      provider: 'website',
      kind: 'job-application',
      firstName: 'Augusta Ada',
      lastName: 'Lovelace-Byron',
      emailAddress: 'ada.lovelace@example.org',
      position: '🚀 Software Engineer',
      linkedinProfileUrl: 'https://www.linkedin.com/in/ada-lovelace-example',
      location: 'Marylebone, London',
      message: "I have been writing programs for the Analytical Engine and I'd love to join.",
    },
    personal: ['firstName', 'lastName', 'emailAddress', 'linkedinProfileUrl', 'location', 'message'],
  },
  'sms.received': {
    detail: { eventId: 'SM0a1b2c3d4e5f60718293a4b5c6d7e8f9', receivedAt: RECEIVED, provider: 'twilio', messageSid: 'SM0a1b2c3d4e5f60718293a4b5c6d7e8f9', from: '+15555550123', to: '+15555550199', body: 'ACK 4821 on my way' },
    personal: ['from', 'to', 'body'],
  },
  'sms.status': {
    detail: { eventId: 'SM1a1b2c3d4e5f60718293a4b5c6d7e8f9:undelivered', receivedAt: RECEIVED, provider: 'twilio', messageSid: 'SM1a1b2c3d4e5f60718293a4b5c6d7e8f9', status: 'undelivered', to: '+15555550177', errorCode: '30003' },
    personal: ['to'],
  },
  'salesforce.account.changed': {
    detail: { eventId: '04l5e000001OBM1AAG', receivedAt: RECEIVED, provider: 'salesforce', organizationId: '00D5e000000SBTESTA', accountId: '0015e00000GLBX1AAA', accountName: 'Globex Aeronautics Holdings', fields: { GitHub_label__c: 'customer-blue-heron' } },
    personal: ['accountName'],
  },
  'codename.assigned': {
    detail: { eventId: 'codename-assigned:gh-0006', receivedAt: RECEIVED, provider: 'switchboard', label: 'customer-red-kite', customerName: 'Hooli Ventures', previousLabel: 'customer-red-hawk' },
    personal: ['customerName'],
  },
  'unthread.conversation.updated': {
    detail: { eventId: 'unthread:0b7c9e2a-5d41-4f8a-9a3e-2c6d1f0e8b7a:closed', receivedAt: RECEIVED, provider: 'unthread', conversationId: '0b7c9e2a-5d41-4f8a-9a3e-2c6d1f0e8b7a', status: 'closed', updatedAt: RECEIVED },
    personal: [],
  },
  'timer.fired': {
    detail: { eventId: 'timer:paging:INC-7K2Q9:escalate:0', receivedAt: RECEIVED, provider: 'switchboard', automation: 'paging', timerId: 'paging:INC-7K2Q9:escalate:0', kind: 'escalate', subject: 'INC-7K2Q9/0', dueAt: RECEIVED },
    personal: [],
  },
};

/** The value at a dotted path of a detail. */
export function valueAt(detail: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), detail);
}

/** The personal values of a sample: what must never be shown. */
export function personalValues(detailType: DetailType): string[] {
  const sample = personalEventSamples[detailType] as PersonalEventSample<DetailType>;
  return sample.personal.map((path) => String(valueAt(sample.detail, path)));
}

/**
 * Every field a detail-type's schema declares, optional ones included, as dotted paths (an object's
 * fields one by one; a record or an array as one field): what a sample must fill for its test to cover
 * every field.
 */
export function schemaFieldPaths(detailType: DetailType): string[] {
  return fieldPaths(eventCatalogue[detailType], '');
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
}

function fieldPaths(schema: z.ZodMiniType, prefix: string): string[] {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType !== undefined) return fieldPaths(def.innerType as unknown as z.ZodMiniType, prefix);
  if (def.type !== 'object' || def.shape === undefined) return [prefix.slice(0, -1)];
  return Object.entries(def.shape).flatMap(([key, field]) => fieldPaths(field as unknown as z.ZodMiniType, `${prefix}${key}.`));
}
