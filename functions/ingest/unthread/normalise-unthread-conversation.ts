import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { ConversationUpdated } from './unthread-payloads';

/**
 * A `conversation_updated` webhook as `unthread.conversation.updated`: which conversation, its status, and
 * when it changed (`eventTimestamp`; never the conversation's title or messages). Unthread's `eventId` is the event id: it
 * is the same on every retry of one delivery.
 */
export function normaliseUnthreadConversation(update: ConversationUpdated, receivedAt: Date): EventOf<'unthread.conversation.updated'> {
  return createEvent('unthread.conversation.updated', {
    eventId: update.eventId,
    receivedAt: receivedAt.toISOString(),
    provider: 'unthread',
    conversationId: update.data.id,
    status: update.data.status,
    updatedAt: new Date(update.eventTimestamp ?? update.webhookTimestamp ?? receivedAt.getTime()).toISOString(),
  });
}
