import type { KnownBlock } from '@slack/web-api';

export interface SlackMessage {
  channel: string;
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks?: KnownBlock[];
  /** Reply in this thread. */
  threadTs?: string;
}

/**
 * The Slack port: what automations may do in Slack. Live through `@slack/web-api`, or dry-run into the
 * outbox. Failures are `ProviderError`s.
 */
export interface SlackMessenger {
  readonly mode: 'live' | 'dry-run';
  postMessage(message: SlackMessage): Promise<{ channel: string; ts: string }>;
  updateMessage(message: SlackMessage & { ts: string }): Promise<void>;
  /** A message only `user` sees. */
  postEphemeral(message: SlackMessage & { user: string }): Promise<void>;
}
