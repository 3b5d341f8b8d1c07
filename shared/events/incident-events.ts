import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';
import { severitySchema } from './slack-events';

/** An admin opened an incident by hand (`switchboard incidents open`). */
export const incidentOpenRequestedSchema = z.extend(envelopeSchema, {
  provider: z.literal('switchboard'),
  severity: severitySchema,
  customer: text(200, 1),
  excerpt: text(200),
  requestedBy: text(100, 1),
});

/** An admin acknowledged an incident by hand (`switchboard incidents ack`), by its id or ACK code. */
export const incidentAckRequestedSchema = z.extend(envelopeSchema, {
  provider: z.literal('switchboard'),
  incident: text(64, 3),
  by: text(100, 1),
});
