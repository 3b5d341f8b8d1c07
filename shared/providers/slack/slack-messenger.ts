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
  /**
   * The link that opens a message (in its thread, for a reply): `https://acme.slack.com/archives/C…/p…`.
   * Live through `chat.getPermalink`, remembered per channel and ts.
   */
  permalink(channel: string, ts: string): Promise<string>;
  /**
   * The workspace (team id) a user belongs to, through `users.info` (scope `users:read`), remembered per
   * user; undefined when it cannot be known (dry-run). For events that do not say it, such as reactions.
   */
  teamOfUser(user: string): Promise<string | undefined>;
}
