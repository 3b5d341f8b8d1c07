import * as z from 'zod/mini';
import { envelopeSchema } from './envelope';

/** Unthread's ids are UUIDs today; anything short and printable is accepted, never free text. */
export const unthreadIdSchema = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\w.:-]+$/, 'must be an Unthread id'));

/**
 * A conversation's status: `open`, `in_progress`, `on_hold` or `closed` today. Any short lower-case word is
 * accepted, so that a status Unthread adds later is not refused (a refused webhook is retried, then disabled).
 */
export const unthreadStatusSchema = z.string().check(z.regex(/^[a-z_]{1,32}$/, 'must be an Unthread status such as "closed"'));

/** A conversation changed in Unthread (its `conversation_updated` webhook), reduced to what automations read. */
export const unthreadConversationUpdatedSchema = z.extend(envelopeSchema, {
  provider: z.literal('unthread'),
  conversationId: unthreadIdSchema,
  status: unthreadStatusSchema,
  /** When the change happened in Unthread (its `eventTimestamp`): orders updates that arrive out of order. */
  updatedAt: z.iso.datetime({ offset: true }),
});
