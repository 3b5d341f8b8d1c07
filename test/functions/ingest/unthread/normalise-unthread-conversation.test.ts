import { describe, expect, it } from 'vitest';
import { normaliseUnthreadConversation } from '../../../../functions/ingest/unthread/normalise-unthread-conversation';
import { conversationUpdatedSchema } from '../../../../functions/ingest/unthread/unthread-payloads';
import { unthreadFixture } from '../../../support/unthread-webhooks';

describe("Unthread's conversation_updated as an event", () => {
  it('keeps the conversation id, its status and when it changed, never its title', () => {
    const update = conversationUpdatedSchema.parse(unthreadFixture('conversation-updated'));

    const event = normaliseUnthreadConversation(update, new Date('2026-11-23T17:00:00.000Z'));

    expect(event).toEqual({
      detailType: 'unthread.conversation.updated',
      detail: {
        eventId: '49bac55d-5445-4e70-ad72-c87e2e8adb3f',
        receivedAt: '2026-11-23T17:00:00.000Z',
        provider: 'unthread',
        conversationId: 'b72c8bcd-0387-4a6d-92b3-14016c3c53e5',
        status: 'closed',
        updatedAt: '2023-03-13T18:38:05.142Z',
      },
    });
  });

  it('dates an update without an eventTimestamp by its webhookTimestamp, else by its receipt', () => {
    const { eventTimestamp: _event, ...withoutEventTime } = unthreadFixture('conversation-updated');
    const { webhookTimestamp: _webhook, ...withoutEither } = withoutEventTime;
    const receivedAt = new Date('2026-11-23T17:00:00.000Z');

    expect(normaliseUnthreadConversation(conversationUpdatedSchema.parse(withoutEventTime), receivedAt).detail.updatedAt).toBe('2023-03-13T18:38:05.382Z');
    expect(normaliseUnthreadConversation(conversationUpdatedSchema.parse(withoutEither), receivedAt).detail.updatedAt).toBe('2026-11-23T17:00:00.000Z');
  });
});
