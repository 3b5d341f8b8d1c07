import { ProviderError } from '../provider-error';
import type { UnthreadConversation, UnthreadConversations } from './unthread-conversations';

/**
 * On AWS providers are live; without an API key Unthread cannot be. Each call then fails permanently with
 * a message that says what to set, so the run shows it (and a replay works once the secret is set).
 */
export class UnconfiguredUnthreadConversations implements UnthreadConversations {
  readonly mode = 'live';

  async create(): Promise<never> {
    throw this.missing('conversations.create');
  }

  async get(_id: string): Promise<UnthreadConversation | undefined> {
    throw this.missing('conversations.get');
  }

  async findByReference(_reference: string): Promise<UnthreadConversation | undefined> {
    throw this.missing('conversations.list');
  }

  private missing(operation: string): ProviderError {
    return new ProviderError('unthread', operation, false, 'UNTHREAD_API_KEY is not set in the Switchboard secret');
  }
}
