import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/** A timer an automation scheduled came due; routed back to that automation by `automation`. */
export const timerFiredSchema = z.extend(envelopeSchema, {
  provider: z.literal('switchboard'),
  automation: text(64, 1),
  timerId: text(256, 1),
  kind: text(64, 1),
  /** What the timer is about (an incident and its page, an issue, a ticket); the automation re-reads its state. */
  subject: text(256, 1),
  dueAt: z.iso.datetime({ offset: true }),
});
