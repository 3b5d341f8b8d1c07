import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import type { ApplicationStore } from './application-store';

/**
 * Unthread said a conversation changed (signed `conversation_updated`): when it is a job application's,
 * remember its status, so that the reminders still to come know at once whether it is closed. A status
 * older than one already recorded changes nothing (webhooks may arrive out of order), and a conversation
 * reopened later gets its reminders again.
 */
export async function handleConversationUpdate(event: EventOf<'unthread.conversation.updated'>, context: AutomationContext, store: ApplicationStore): Promise<void> {
  const { run } = context;
  const { conversationId, status, updatedAt } = event.detail;
  const applicationId = await store.applicationOfConversation(conversationId);
  if (!run.check('a job application conversation', applicationId === undefined ? `${conversationId} is not the conversation of a job application` : undefined, applicationId)) return;
  await run.step('record the conversation status', async () => {
    const recorded = await store.recordStatus(applicationId as string, status, updatedAt, 'webhook');
    if (!recorded) return { outcome: 'skipped', detail: `a later status than ${status} is recorded already` };
    if (status !== 'closed') return { detail: `${status}: reminders continue unless it is closed` };
    // The application's run (its id is the submission's event) waited for this.
    await context.closeWaitingRun(applicationId as string, `conversation ${conversationId} closed (Unthread webhook)`);
    return { detail: 'closed: no more reminders' };
  });
}
