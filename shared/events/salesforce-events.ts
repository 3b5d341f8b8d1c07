import * as z from 'zod';
import { envelopeSchema } from './envelope';

/** An Account's "GitHub label" field changed (Salesforce outbound message). */
export const salesforceAccountChangedSchema = envelopeSchema.extend({
  provider: z.literal('salesforce'),
  accountId: z.string().min(15).max(18),
  accountName: z.string().max(255),
  githubLabels: z.array(z.string().max(100)).max(100),
});

/** A customer codename label exists; the Salesforce sync attaches it to the customer's Account. */
export const codenameAssignedSchema = envelopeSchema.extend({
  label: z.string().min(1).max(100),
  customerName: z.string().min(1).max(255),
});
