import { randomUUID } from 'node:crypto';
import type { Outbox } from '../outbox';
import type { NewUnthreadConversation, UnthreadConversation, UnthreadConversations } from './unthread-conversations';
import { createConversationBody } from './unthread-requests';

/**
 * Unthread without Unthread: records the exact `POST /conversations` body (as the live adapter sends it)
 * in the outbox, and answers like Unthread would, with a new open conversation. Reads answer `open`, as
 * nobody can close a conversation that was never created.
 */
export class DryRunUnthreadConversations implements UnthreadConversations {
  readonly mode = 'dry-run';

  constructor(private readonly outbox: Outbox) {}

  async create(conversation: NewUnthreadConversation): Promise<UnthreadConversation> {
    await this.outbox.record('unthread', 'conversations.create', createConversationBody(conversation));
    return { id: `dry-run-${randomUUID()}`, status: 'open' };
  }

  async get(id: string): Promise<UnthreadConversation | undefined> {
    return { id, status: 'open' };
  }

  /**
   * Nothing to look up: the outbox is not searched by reference. After a crash mid-effect in dry-run,
   * the repeat costs one more outbox entry, never a real conversation.
   */
  async findByReference(_reference: string): Promise<UnthreadConversation | undefined> {
    return undefined;
  }
}
