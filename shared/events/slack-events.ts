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
