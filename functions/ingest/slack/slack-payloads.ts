import * as z from 'zod';

/**
 * The parts of Slack's inbound payloads that ingest reads. Objects are loose: Slack adds fields freely,
 * and unknown ones must not break us.
 */

export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(1000),
});

const messageEventSchema = z.looseObject({
  type: z.literal('message'),
  channel: z.string().min(1),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
  user_team: z.string().optional(),
});
export type SlackMessageEvent = z.infer<typeof messageEventSchema>;

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: z.string().min(1),
  event_id: z.string().min(1).max(128),
  event_time: z.number().int(),
  event: z.looseObject({ type: z.string().min(1) }),
});
export type SlackEventCallback = z.infer<typeof eventCallbackSchema>;

export const slackEventsEnvelopeSchema = z.discriminatedUnion('type', [
  urlVerificationSchema,
  eventCallbackSchema,
  z.looseObject({ type: z.literal('app_rate_limited'), team_id: z.string() }),
]);

/** Validates the inner event once its type says it is a message. */
export function parseMessageEvent(event: unknown) {
  return messageEventSchema.safeParse(event);
}

export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1).max(128),
  team: z.looseObject({ id: z.string().min(1) }).nullable().optional(),
  user: z.looseObject({ id: z.string().min(1), team_id: z.string().optional() }),
  container: z.looseObject({
    type: z.string(),
    message_ts: z.string().optional(),
    channel_id: z.string().optional(),
  }),
  channel: z.looseObject({ id: z.string().min(1) }).optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().min(1).max(255),
        value: z.string().max(2000).optional(),
        action_ts: z.string().optional(),
      }),
    )
    .min(1)
    .max(25),
});
export type SlackBlockActions = z.infer<typeof blockActionsSchema>;

/** Any interactivity payload: we act on `block_actions`, and ack the rest. */
export const interactionEnvelopeSchema = z.looseObject({ type: z.string().min(1) });
