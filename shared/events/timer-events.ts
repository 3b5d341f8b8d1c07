import * as z from 'zod';
import { envelopeSchema } from './envelope';

/** A timer an automation scheduled came due; routed back to that automation by `automation`. */
export const timerFiredSchema = envelopeSchema.extend({
  provider: z.literal('switchboard'),
  automation: z.string().min(1).max(64),
  timerId: z.string().min(1).max(256),
  kind: z.string().min(1).max(64),
  /** What the timer is about (an incident id, an issue, a ticket); the automation re-reads its state. */
  subject: z.string().min(1).max(256),
  dueAt: z.iso.datetime({ offset: true }),
});
