import type { KnownBlock } from '@slack/web-api';

export interface SlackMessage {
  channel: string;
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks?: KnownBlock[];
  /** Reply in this thread. */
  threadTs?: string;
  /**
   * The side effect this post performs (its idempotency key): carried in the message's metadata, by
   * which `findMessage` finds the post again when a crash left its completion unrecorded.
   */
  effectKey?: string;
}

/** A message Slack holds: its conversation (a DM's `D…` id for a post to a user) and its ts. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/** An answer to the person who used a shortcut, seen only by them (`response_type: ephemeral`). */
export interface InteractionReply {
  text: string;
  blocks?: KnownBlock[];
}

/** Where to look for a post of ours, and which. */
export interface MessageQuery {
  /** The channel it was posted to (a user id for a direct message). */
  channel: string;
  /** The thread it replied in; without one, the channel's own history is searched. */
  threadTs?: string;
  effectKey: string;
  /** Posted no earlier than this. */
  since: Date;
}

/**
 * The Slack port: what automations may do in Slack. Live through `@slack/web-api`, or dry-run into the
 * outbox. Failures are `ProviderError`s.
 */
export interface SlackMessenger {
  readonly mode: 'live' | 'dry-run';
  postMessage(message: SlackMessage): Promise<PostedMessage>;
  /**
   * The post of ours that carries `effectKey` in its metadata, posted since `since` in the thread (live:
   * `conversations.replies`) or the channel (`conversations.history`, after `conversations.open` for a
   * user id), both with `include_all_metadata`; undefined when there is none. Scopes: `channels:history`,
   * `groups:history`, `im:history` and `im:write`. A conversation Slack cannot find holds no post.
   */
  findMessage(query: MessageQuery): Promise<PostedMessage | undefined>;
  /** Replaces a message's content: idempotent by nature (the same update twice leaves the same message). */
  updateMessage(message: SlackMessage & { ts: string }): Promise<void>;
  /**
   * A message only `user` sees. Slack keeps no trace of it that an app can read back, so an ephemeral
   * message cannot be looked up after a crash: at worst it is shown twice.
   */
  postEphemeral(message: SlackMessage & { user: string }): Promise<void>;
  /**
   * Answers the person who used a shortcut through the interaction's `response_url` (an HTTPS POST of
   * JSON, Slack's documented way, valid 30 minutes and 5 times): it reaches them even in a channel the
   * bot is not in, where `postEphemeral` is refused. Only Slack's own URLs are posted to. Like an
   * ephemeral message, it leaves nothing to look up after a crash. The URL is never logged or recorded.
   */
  respond(responseUrl: string, reply: InteractionReply): Promise<void>;
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
