import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { conversationLabel, type JobApplication } from './application';

/** What reminders say about an application: its position, conversation and deadline, never the applicant. */
interface ReminderInput {
  application: JobApplication & { conversation: NonNullable<JobApplication['conversation']> };
  /** "Monday, November 23 at 9:00 AM PT". */
  due: string;
}

/** The first reminder, a direct message to the CSE: the deadline is coming. */
export function reminderBeforeDeadline({ application, due }: ReminderInput): SlackMessage {
  const text =
    `Reminder: the job application for ${application.position} (Unthread conversation ${conversationLabel(application.conversation)}, ` +
    `${application.conversation.reference}) is due ${due}. Its ready reply is in the conversation; close the conversation once it is sent.`;
  return { channel: application.cse.slackUserId, text };
}

/** The second reminder, at the deadline. */
export function reminderAtDeadline({ application, due }: ReminderInput): SlackMessage {
  const text =
    `The job application for ${application.position} (Unthread conversation ${conversationLabel(application.conversation)}, ` +
    `${application.conversation.reference}) is due now (${due}) and its conversation is still open. Please send the ready reply and close it.`;
  return { channel: application.cse.slackUserId, text };
}

/** Past the deadline, a direct message to the manager, naming the CSE. */
export function escalationToManager({ application, due }: ReminderInput, manager: { slackUserId: string }): SlackMessage {
  const text =
    `The job application for ${application.position} assigned to <@${application.cse.slackUserId}> (${application.cse.name}) ` +
    `was due ${due} and its Unthread conversation ${conversationLabel(application.conversation)} (${application.conversation.reference}) is still open.`;
  return { channel: manager.slackUserId, text };
}
