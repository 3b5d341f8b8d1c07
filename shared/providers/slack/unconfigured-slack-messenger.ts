import { ProviderError } from '../provider-error';
import type { SlackMessenger } from './slack-messenger';

/**
 * On AWS providers are live; without a token they cannot be. Each call then fails permanently with a
 * message that says what to set, so the run shows it (and a replay works once the secret is set).
 */
export class UnconfiguredSlackMessenger implements SlackMessenger {
  readonly mode = 'live';

  async postMessage(): Promise<never> {
    throw this.missing('chat.postMessage');
  }

  async findMessage(): Promise<never> {
    throw this.missing('conversations.history');
  }

  async updateMessage(): Promise<never> {
    throw this.missing('chat.update');
  }

  async postEphemeral(): Promise<never> {
    throw this.missing('chat.postEphemeral');
  }

  async respond(): Promise<never> {
    throw this.missing('response_url');
  }

  async permalink(): Promise<never> {
    throw this.missing('chat.getPermalink');
  }

  async teamOfUser(): Promise<never> {
    throw this.missing('users.info');
  }

  private missing(operation: string): ProviderError {
    return new ProviderError('slack', operation, false, 'SLACK_BOT_TOKEN is not set in the Switchboard secret');
  }
}
