import type * as z from 'zod/mini';
import { contactFormSubmittedSchema } from './contact-events';
import { incidentAckRequestedSchema, incidentOpenRequestedSchema } from './incident-events';
import {
  githubCodenameMirrorRequestedSchema,
  githubIssueCommentedSchema,
  githubIssueLabeledSchema,
  githubIssueStateChangedSchema,
  githubIssueUnlabeledSchema,
  githubLabelChangedSchema,
} from './github-events';
import { codenameAssignedSchema, salesforceAccountChangedSchema } from './salesforce-events';
import {
  slackButtonClickedSchema,
  slackEmergencyRequestedSchema,
  slackMessagePostedSchema,
  slackReactionAddedSchema,
  slackShortcutUsedSchema,
} from './slack-events';
import { smsReceivedSchema, smsStatusSchema } from './sms-events';
import { timerFiredSchema } from './timer-events';
import { unthreadConversationUpdatedSchema } from './unthread-events';

/**
 * The events on the bus: `detail-type` → schema of `detail` (SPEC §2). Every publish and every receipt
 * validates against this map, so a producer and a consumer cannot disagree silently.
 */
export const eventCatalogue = {
  'slack.message.posted': slackMessagePostedSchema,
  'slack.button.clicked': slackButtonClickedSchema,
  'slack.emergency.requested': slackEmergencyRequestedSchema,
  'slack.shortcut.used': slackShortcutUsedSchema,
  'slack.reaction.added': slackReactionAddedSchema,
  'incident.open.requested': incidentOpenRequestedSchema,
  'incident.ack.requested': incidentAckRequestedSchema,
  'github.issue.commented': githubIssueCommentedSchema,
  'github.issue.labeled': githubIssueLabeledSchema,
  'github.issue.unlabeled': githubIssueUnlabeledSchema,
  'github.issue.state.changed': githubIssueStateChangedSchema,
  'github.label.changed': githubLabelChangedSchema,
  'github.codename.mirror.requested': githubCodenameMirrorRequestedSchema,
  'contact.form.submitted': contactFormSubmittedSchema,
  'sms.received': smsReceivedSchema,
  'sms.status': smsStatusSchema,
  'salesforce.account.changed': salesforceAccountChangedSchema,
  'codename.assigned': codenameAssignedSchema,
  'unthread.conversation.updated': unthreadConversationUpdatedSchema,
  'timer.fired': timerFiredSchema,
} as const;

export type Catalogue = typeof eventCatalogue;
export type DetailType = keyof Catalogue;
export type DetailOf<T extends DetailType> = z.infer<Catalogue[T]>;

/** An event as automations see it: the detail-type and its validated detail. */
export type DomainEvent = { [T in DetailType]: { detailType: T; detail: DetailOf<T> } }[DetailType];
export type EventOf<T extends DetailType> = Extract<DomainEvent, { detailType: T }>;

/** Every event on the bus has this `source`. */
export const EVENT_SOURCE = 'switchboard';

export const detailTypes = Object.keys(eventCatalogue) as DetailType[];

export function isDetailType(value: string): value is DetailType {
  return Object.hasOwn(eventCatalogue, value);
}
