import type { DetailOf, DetailType } from './catalogue';
import type { Envelope } from './envelope';

/**
 * The dotted path of a field of an event's detail: `channel`, `repository.owner`, `label.name`. An
 * object's path covers all of it; an array's covers its items.
 */
export type FieldPath<T> = T extends readonly unknown[]
  ? never
  : T extends object
    ? { [K in keyof T & string]-?: K | (NonNullable<T[K]> extends readonly unknown[] ? never : NonNullable<T[K]> extends object ? `${K}.${FieldPath<NonNullable<T[K]>>}` : never) }[keyof T & string]
    : never;

/** The fields every event shows: its id, when it arrived, who sent it. */
export const ENVELOPE_FIELDS: readonly (keyof Envelope)[] = ['eventId', 'receivedAt', 'provider'];

// What GitHub's issue events share (ingest's bundle carries this list: written once, it is smaller).
const ISSUE = ['repository', 'number', 'isPullRequest', 'state', 'labels', 'url'] as const;
const LABEL = ['label.name', 'label.color'] as const;
const SENDER = ['sender.login', 'sender.type'] as const;

/**
 * The fields of each event that may be shown where people other than its subject look (the console's run
 * page, a log line): ids, timestamps, channel ids, statuses, labels, our own names for things. Everything
 * else is masked, so a field added to an event, or a new event, is personal until it is listed here.
 *
 * Never listed: people's names (`userName`, `firstName`, `requestedBy` of an admin, `by`), e-mail
 * addresses, phone numbers (`from`, `to`), free text (`text`, `body`, `message`, `excerpt`, a button's
 * `value`), customers' names (`customer`, `accountName`, `customerName`, a confidential label's
 * `description`, Slack channel names, which are often the customer's), LinkedIn addresses, locations, and
 * Salesforce's custom field values (any text an admin chose to send).
 *
 * @example
 * PUBLIC_FIELDS['contact.form.submitted']; // ['kind', 'position']
 */
export const PUBLIC_FIELDS: { readonly [T in DetailType]: readonly Exclude<FieldPath<DetailOf<T>>, keyof Envelope>[] } = {
  'slack.message.posted': ['teamId', 'channel', 'user', 'userTeam', 'botId', 'subtype', 'ts', 'threadTs'],
  'slack.button.clicked': ['automation', 'actionId', 'user', 'userTeam', 'channel', 'messageTs', 'threadTs'],
  // `requestedBy` is the Slack user id of who clicked.
  'slack.emergency.requested': ['severity', 'channel', 'requestedBy', 'messageTs', 'threadTs', 'noticeTs'],
  // `teamDomain` is the workspace's own (acme of acme.slack.com); `channelName` is often a customer's.
  'slack.shortcut.used': ['automation', 'callbackId', 'teamId', 'teamDomain', 'user', 'userTeam', 'channel', 'messageTs', 'threadTs', 'messageUser', 'messageBotId'],
  'slack.reaction.added': ['teamId', 'user', 'reaction', 'channel', 'messageTs', 'messageUser', 'reactedTs'],
  'incident.open.requested': ['severity'],
  'incident.ack.requested': ['incident'],
  'github.issue.commented': [...ISSUE, 'commentId', 'commenter.login', 'commenter.type', 'commenter.authorAssociation'],
  'github.issue.labeled': [...ISSUE, ...LABEL, ...SENDER],
  'github.issue.unlabeled': [...ISSUE, ...LABEL, ...SENDER],
  'github.issue.state.changed': [...ISSUE, 'action', ...SENDER],
  'github.label.changed': ['repository', 'action', ...LABEL, 'previousName', 'changed', ...SENDER],
  'github.codename.mirror.requested': ['label', 'previousName'],
  // The position applied for is the company's own job title.
  'contact.form.submitted': ['kind', 'position'],
  'sms.received': ['messageSid'],
  'sms.status': ['messageSid', 'status', 'errorCode'],
  'salesforce.account.changed': ['organizationId', 'accountId'],
  'codename.assigned': ['label', 'previousLabel'],
  'unthread.conversation.updated': ['conversationId', 'status', 'updatedAt'],
  'timer.fired': ['automation', 'timerId', 'kind', 'subject', 'dueAt'],
};
