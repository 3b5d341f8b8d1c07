import * as z from 'zod/mini';
import { unthreadIdSchema, unthreadStatusSchema } from '../../../shared/events/unthread-events';
import '../../../shared/events/zod-messages';

/**
 * The parts of Unthread's webhook payloads that ingest reads (https://docs.unthread.io/api-introduction/webhooks,
 * "Payload"): `{ event, eventId, eventTimestamp, webhookTimestamp, data }`, timestamps in milliseconds,
 * `data` the object the event is about. Objects are loose: Unthread adds fields, and unknown ones must not
 * break us.
 */

/** Any delivery: `url_verification` when the URL is registered, then `conversation_created`, `conversation_updated`, … */
export const unthreadWebhookSchema = z.looseObject({
  event: z.string().check(z.minLength(1), z.maxLength(64)),
});

const milliseconds = z.number().check(z.int(), z.positive());

/**
 * `conversation_updated`: `data` is the conversation, with its id and status. The timestamps are documented
 * as always present; should one be missing, the other (then the time of receipt) stands in, rather than
 * refusing a genuine update (Unthread disables an endpoint that keeps failing).
 */
export const conversationUpdatedSchema = z.looseObject({
  event: z.literal('conversation_updated'),
  eventId: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\w.:-]+$/, 'must be an Unthread event id')),
  eventTimestamp: z.optional(milliseconds),
  webhookTimestamp: z.optional(milliseconds),
  data: z.looseObject({ id: unthreadIdSchema, status: unthreadStatusSchema }),
});
export type ConversationUpdated = z.infer<typeof conversationUpdatedSchema>;
