import * as z from 'zod/mini';
import '../../../shared/events/zod-messages';

/**
 * The parts of Slack's inbound payloads that ingest reads. Objects are loose: Slack adds fields freely,
 * and unknown ones must not break us.
 */

const present = z.string().check(z.minLength(1));

export const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().check(z.minLength(1), z.maxLength(1000)),
});

const messageEventSchema = z.looseObject({
  type: z.literal('message'),
  channel: present,
  user: z.optional(z.string()),
  bot_id: z.optional(z.string()),
  subtype: z.optional(z.string()),
  text: z.optional(z.string()),
  ts: z.string(),
  thread_ts: z.optional(z.string()),
  team: z.optional(z.string()),
  user_team: z.optional(z.string()),
});
export type SlackMessageEvent = z.infer<typeof messageEventSchema>;

export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: present,
  event_id: z.string().check(z.minLength(1), z.maxLength(128)),
  event_time: z.int(),
  event: z.looseObject({ type: present }),
});
export type SlackEventCallback = z.infer<typeof eventCallbackSchema>;

export const slackEventsEnvelopeSchema = z.discriminatedUnion('type', [
  urlVerificationSchema,
  eventCallbackSchema,
  z.looseObject({ type: z.literal('app_rate_limited'), team_id: z.string() }),
]);

/** Validates the inner event once its type says it is a message. */
export function parseMessageEvent(event: unknown) {
  return z.safeParse(messageEventSchema, event);
}

const reactionAddedEventSchema = z.looseObject({
  type: z.literal('reaction_added'),
  user: present,
  reaction: present,
  item_user: z.optional(z.string()),
  /** A message (`channel`, `ts`), or a file or file comment, which carry neither. */
  item: z.looseObject({ type: present, channel: z.optional(z.string()), ts: z.optional(z.string()) }),
  event_ts: z.string(),
});
export type SlackReactionAddedEvent = z.infer<typeof reactionAddedEventSchema>;

/** Validates the inner event once its type says it is a reaction. */
export function parseReactionAddedEvent(event: unknown) {
  return z.safeParse(reactionAddedEventSchema, event);
}

export const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: z.string().check(z.minLength(1), z.maxLength(128)),
  team: z.optional(z.nullable(z.looseObject({ id: present }))),
  user: z.looseObject({ id: present, team_id: z.optional(z.string()) }),
  container: z.looseObject({
    type: z.string(),
    message_ts: z.optional(z.string()),
    channel_id: z.optional(z.string()),
  }),
  channel: z.optional(z.looseObject({ id: present })),
  message: z.optional(z.looseObject({ ts: z.string(), thread_ts: z.optional(z.string()) })),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string().check(z.minLength(1), z.maxLength(255)),
        value: z.optional(z.string().check(z.maxLength(2000))),
        action_ts: z.optional(z.string()),
      }),
    )
    .check(z.minLength(1), z.maxLength(25)),
});
export type SlackBlockActions = z.infer<typeof blockActionsSchema>;

/** A message shortcut (`message_action`): the message it was used on, where, and by whom. */
export const messageActionSchema = z.looseObject({
  type: z.literal('message_action'),
  callback_id: z.string().check(z.minLength(1), z.maxLength(255)),
  trigger_id: z.string().check(z.minLength(1), z.maxLength(128)),
  response_url: z.optional(z.string()),
  team: z.optional(z.nullable(z.looseObject({ id: present, domain: z.optional(z.string()) }))),
  user: z.looseObject({ id: present, name: z.optional(z.string()), username: z.optional(z.string()), team_id: z.optional(z.string()) }),
  channel: z.looseObject({ id: present, name: z.optional(z.string()) }),
  message: z.looseObject({
    ts: z.string(),
    thread_ts: z.optional(z.string()),
    user: z.optional(z.string()),
    bot_id: z.optional(z.string()),
    text: z.optional(z.string()),
  }),
});
export type SlackMessageAction = z.infer<typeof messageActionSchema>;

/** Any interactivity payload: we act on `block_actions` and `message_action`, and ack the rest. */
export const interactionEnvelopeSchema = z.looseObject({ type: present });
