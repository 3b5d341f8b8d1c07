import type { NewUnthreadConversation } from './unthread-conversations';

/**
 * The request bodies of Unthread's API (https://docs.unthread.io/api-introduction/using-api), built in one
 * place so that the dry-run outbox records exactly what the live adapter sends.
 */

/**
 * `POST /conversations`: the fields of "Create Conversation" — `type`, `title`, `markdown`, `status`,
 * `priority`, `assignedToUserId`, `onBehalfOf` (`{ name, email }`: who the conversation is from) and, by
 * type, `emailInboxId` or `triageChannelId`.
 */
export function createConversationBody(conversation: NewUnthreadConversation): Record<string, unknown> {
  return {
    type: conversation.type,
    title: conversation.title,
    markdown: conversation.markdown,
    status: 'open',
    ...(conversation.priority === undefined ? {} : { priority: conversation.priority }),
    ...(conversation.assignedToUserId === undefined ? {} : { assignedToUserId: conversation.assignedToUserId }),
    onBehalfOf: { name: conversation.onBehalfOf.name, email: conversation.onBehalfOf.email },
    ...(conversation.type === 'email' && conversation.emailInboxId !== undefined ? { emailInboxId: conversation.emailInboxId } : {}),
    ...(conversation.type === 'triage' && conversation.triageChannelId !== undefined ? { triageChannelId: conversation.triageChannelId } : {}),
  };
}

/**
 * `POST /conversations/list`: Unthread's list convention — `select`, `where` (`{ field, operator, value }`
 * with operators `==`, `!=`, `>`, `<`, `in`, `notIn`, `contains`, `notContains`, `like`), `limit` (at most
 * 100), `cursor` — asking for the conversations whose title contains the reference. The answer is
 * `{ data, totalCount, cursors: { hasNext, next } }`.
 */
export function findByReferenceBody(reference: string, cursor?: string): Record<string, unknown> {
  return {
    select: ['id', 'title', 'status', 'friendlyId'],
    where: [{ field: 'title', operator: 'contains', value: reference }],
    limit: 100,
    ...(cursor === undefined ? {} : { cursor }),
  };
}
