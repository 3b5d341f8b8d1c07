import * as z from 'zod/mini';
import { envelopeSchema, idSchema, text } from './envelope';

/** Slack message timestamps double as message ids: "1700000000.000100". */
export const slackTsSchema = z.string().check(z.regex(/^\d{9,11}\.\d{1,6}$/, 'must be a Slack ts like 1700000000.000100'));

/** A message in a channel the bot is in (Events API `message`), reduced to what automations read. */
export const slackMessagePostedSchema = z.extend(envelopeSchema, {
  provider: z.literal('slack'),
  teamId: idSchema,
  channel: idSchema,
  user: z.optional(idSchema),
  /** The sender's own workspace; differs from `teamId` for Slack Connect users. */
  userTeam: z.optional(idSchema),
  botId: z.optional(idSchema),
  subtype: z.optional(text(64)),
  ts: slackTsSchema,
  threadTs: z.optional(slackTsSchema),
  /** The first 500 characters, enough for an excerpt; the full text stays in Slack. */
  text: text(500),
});

/** A click on a button of one of our messages (`block_actions`), routed by the `automation:` prefix of its action id. */
export const slackButtonClickedSchema = z.extend(envelopeSchema, {
  provider: z.literal('slack'),
  automation: text(64, 1),
  actionId: text(255, 1),
  value: text(2000),
  user: idSchema,
  userTeam: z.optional(idSchema),
  channel: idSchema,
  messageTs: slackTsSchema,
  threadTs: z.optional(slackTsSchema),
});

/**
 * A message shortcut used on a message (`message_action`), routed by the `automation:` prefix of its
 * callback id. Carries the message as far as automations read it; the full text is capped.
 */
export const slackShortcutUsedSchema = z.extend(envelopeSchema, {
  provider: z.literal('slack'),
  automation: text(64, 1),
  callbackId: text(255, 1),
  /** The workspace the app is installed in, and its domain (`acme` of acme.slack.com) when Slack says. */
  teamId: idSchema,
  teamDomain: z.optional(text(100)),
  /** Who used the shortcut, and the name Slack gave for them. */
  user: idSchema,
  userName: z.optional(text(100)),
  userTeam: z.optional(idSchema),
  channel: idSchema,
  channelName: z.optional(text(100)),
  /** The message the shortcut was used on. */
  messageTs: slackTsSchema,
  threadTs: z.optional(slackTsSchema),
  /** Its author (a person, or a bot). */
  messageUser: z.optional(idSchema),
  messageBotId: z.optional(idSchema),
  /** The first 4,000 characters of the message; longer ones end with "…". */
  text: text(4_000),
  /**
   * Slack's `response_url` for this use (https://hooks.slack.com/…, checked by ingest): answers the person
   * for 30 minutes even where the bot is not a member. A credential of sorts: never logged.
   */
  responseUrl: z.optional(text(500, 1)),
});

/** Someone reacted with an emoji to a message (Events API `reaction_added` on a message item). */
export const slackReactionAddedSchema = z.extend(envelopeSchema, {
  provider: z.literal('slack'),
  teamId: idSchema,
  /** Who reacted. Slack does not say which workspace they belong to. */
  user: idSchema,
  reaction: text(100, 1),
  channel: idSchema,
  /** The message reacted to, and its author. */
  messageTs: slackTsSchema,
  messageUser: z.optional(idSchema),
  /** When the reaction was added. */
  reactedTs: slackTsSchema,
});

export const severitySchema = z.enum(['P0', 'P1']);
export type Severity = z.infer<typeof severitySchema>;

/** A customer asked for on-call to be paged; emitted once per after-hours notice, however often it is clicked. */
export const slackEmergencyRequestedSchema = z.extend(envelopeSchema, {
  severity: severitySchema,
  channel: idSchema,
  customer: text(200, 1),
  requestedBy: idSchema,
  /** The customer's message that the notice answered, and the thread it lives in. */
  messageTs: slackTsSchema,
  threadTs: slackTsSchema,
  /** Our notice, whose buttons were clicked. */
  noticeTs: slackTsSchema,
  excerpt: text(200),
});
