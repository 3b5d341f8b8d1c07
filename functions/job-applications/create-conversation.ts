import type { AutomationContext } from '../../shared/automation/automation';
import type { JobApplicationsConfig } from '../../shared/config/config-schema';
import type { NewUnthreadConversation, UnthreadConversation } from '../../shared/providers/unthread/unthread-conversations';

/**
 * Creates the conversation once per submission. After a crash mid-create, the claim's take-over first
 * looks the conversation up by the reference in its title (Unthread's list endpoint), so that it is
 * created again only if Unthread never got it.
 */
export async function createConversation(
  context: AutomationContext,
  key: string,
  conversation: NewUnthreadConversation,
): Promise<{ conversation: UnthreadConversation; alreadyDone: boolean }> {
  const outcome = await context.once(key, () => context.unthread.create(conversation), {
    find: () => context.unthread.findByReference(conversation.reference),
  });
  return { conversation: outcome.result, alreadyDone: outcome.alreadyDone };
}

/** Where conversations go: the configured e-mail inbox or Slack triage channel, and the priority. */
export function conversationDestination(settings: JobApplicationsConfig): Pick<NewUnthreadConversation, 'type' | 'emailInboxId' | 'triageChannelId' | 'priority'> {
  const { unthread } = settings;
  return {
    type: unthread.type,
    ...(unthread.emailInboxId === undefined ? {} : { emailInboxId: unthread.emailInboxId }),
    ...(unthread.triageChannelId === undefined ? {} : { triageChannelId: unthread.triageChannelId }),
    ...(unthread.priority === undefined ? {} : { priority: unthread.priority }),
  };
}
