import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/** An Account's "GitHub label" field changed (Salesforce outbound message). */
export const salesforceAccountChangedSchema = z.extend(envelopeSchema, {
  provider: z.literal('salesforce'),
  accountId: text(18, 15),
  accountName: text(255),
  githubLabels: z.array(text(100)).check(z.maxLength(100)),
});

/**
 * A customer codename label exists in the confidential repository, naming its customer; the Salesforce sync
 * attaches it to the customer's Account. `previousLabel` when the label was renamed. The customer's name
 * travels only in this event: never log it, nor write it anywhere public.
 */
export const codenameAssignedSchema = z.extend(envelopeSchema, {
  label: text(100, 1),
  customerName: text(255, 1),
  previousLabel: z.optional(text(100, 1)),
});
