import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/** Salesforce record ids: 15 (case-sensitive) or 18 characters, letters and digits. */
export const salesforceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/, 'must be a Salesforce id of 15 or 18 characters'));

/** A custom field's API name (`GitHub_label__c`): an identifier, never free text. */
export const customFieldNameSchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,60}__c$/, 'must be a custom field API name like GitHub_label__c'));

/**
 * An Account changed in Salesforce (an outbound message, sent when its "GitHub label" field changes). It
 * carries the Account's id and name and the custom fields the outbound message sends (API name → value,
 * null when empty); the automation reads the one its configuration names, so that ingest needs no
 * configuration. The Account's name is the customer's: never log it, nor write it anywhere public.
 */
export const salesforceAccountChangedSchema = z.extend(envelopeSchema, {
  provider: z.literal('salesforce'),
  /** The org that sent it (18 characters). */
  organizationId: salesforceIdSchema,
  accountId: salesforceIdSchema,
  accountName: text(255),
  fields: z.record(customFieldNameSchema, z.nullable(text(4_000))).check(z.refine((fields) => Object.keys(fields).length <= 50, 'carries at most 50 fields')),
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
