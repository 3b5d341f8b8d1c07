import * as z from 'zod';
import { envelopeSchema, idSchema } from './envelope';

/** Slack message timestamps double as message ids: "1700000000.000100". */
export const slackTsSchema = z.string().regex(/^\d{9,11}\.\d{1,6}$/, 'must be a Slack ts like 1700000000.000100');

/** A message in a channel the bot is in (Events API `message`), reduced to what automations read. */
export const slackMessagePostedSchema = envelopeSchema.extend({
  provider: z.literal('slack'),
  teamId: idSchema,
  channel: idSchema,
  user: idSchema.optional(),
  /** The sender's own workspace; differs from `teamId` for Slack Connect users. */
  userTeam: idSchema.optional(),
  botId: idSchema.optional(),
  subtype: z.string().max(64).optional(),
  ts: slackTsSchema,
  threadTs: slackTsSchema.optional(),
  /** The first 500 characters, enough for an excerpt; the full text stays in Slack. */
  text: z.string().max(500),
});

/** A click on a button of one of our messages (`block_actions`), routed by the `automation:` prefix of its action id. */
export const slackButtonClickedSchema = envelopeSchema.extend({
  provider: z.literal('slack'),
  automation: z.string().min(1).max(64),
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000),
  user: idSchema,
  userTeam: idSchema.optional(),
  channel: idSchema,
  messageTs: slackTsSchema,
  threadTs: slackTsSchema.optional(),
});

export const severitySchema = z.enum(['P0', 'P1']);
export type Severity = z.infer<typeof severitySchema>;

/** A customer asked for on-call to be paged; emitted once per after-hours notice, however often it is clicked. */
export const slackEmergencyRequestedSchema = envelopeSchema.extend({
  severity: severitySchema,
  channel: idSchema,
  customer: z.string().min(1).max(200),
  requestedBy: idSchema,
  /** The customer's message that the notice answered, and the thread it lives in. */
  messageTs: slackTsSchema,
  threadTs: slackTsSchema,
  /** Our notice, whose buttons were clicked. */
  noticeTs: slackTsSchema,
  excerpt: z.string().max(200),
});
