import { randomUUID } from 'node:crypto';

/**
 * An Unthread webhook delivery as its docs describe it (https://docs.unthread.io/api-introduction/webhooks,
 * "Payload"): `{ event, eventId, eventTimestamp, webhookTimestamp, data }`, timestamps in milliseconds. For a
 * conversation event, `data` is the conversation.
 */
export function conversationUpdatedPayload(input: { conversationId: string; status: string; at: Date; eventId?: string; title?: string }): Record<string, unknown> {
  const timestamp = input.at.getTime();
  return {
    event: 'conversation_updated',
    eventId: input.eventId ?? randomUUID(),
    eventTimestamp: timestamp,
    webhookTimestamp: timestamp + 240,
    data: {
      id: input.conversationId,
      status: input.status,
      title: input.title ?? null,
      priority: 5,
      friendlyId: 42,
      statusUpdatedAt: input.at.toISOString(),
      updatedAt: input.at.toISOString(),
    },
  };
}

/** The `url_verification` Unthread sends when the endpoint URL is given to it. */
export function urlVerificationPayload(at: Date): Record<string, unknown> {
  return { event: 'url_verification', eventId: randomUUID(), eventTimestamp: at.getTime(), webhookTimestamp: at.getTime() };
}
