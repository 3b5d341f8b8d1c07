import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { conversationLabel } from './application';
import { contactMessageMarkdown, contactMessageTitle } from './conversation-content';
import { conversationEffectKey, conversationReference } from './conversation-reference';
import { conversationDestination, createConversation } from './create-conversation';
import { jobApplicationsSettings } from './job-applications-config';

/** A general contact message from the website: an Unthread conversation, unassigned, with no deadline. */
export async function receiveContactMessage(event: EventOf<'contact.form.submitted'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const submission = event.detail;
  const settings = await jobApplicationsSettings(context);
  const key = conversationEffectKey(submission.eventId);
  const reference = conversationReference(key);
  await run.step('create the Unthread conversation', async () => {
    const created = await createConversation(context, key, {
      reference,
      ...conversationDestination(settings),
      title: contactMessageTitle(submission.firstName, submission.lastName, reference),
      markdown: contactMessageMarkdown(submission, reference, config.company.name),
      onBehalfOf: { name: `${submission.firstName} ${submission.lastName}`, email: submission.emailAddress },
    });
    const what = `conversation ${conversationLabel(created.conversation)} for a website message (no deadline)`;
    return created.alreadyDone ? { outcome: 'skipped', detail: `${what} (created before)` } : { detail: what };
  });
}
