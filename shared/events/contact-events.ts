import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/** A job application names the position applied for; a general contact message does not. */
export const contactFormKindSchema = z.enum(['job-application', 'contact-message']);
export type ContactFormKind = z.infer<typeof contactFormKindSchema>;

/**
 * The company website's contact or job-application form, as the website posts it today (SPEC §3.E),
 * trimmed, with the empty optional fields left out. The secret the website sends in `webhookSecret`
 * authenticates the request and is never part of the event. The position is as posted, department emoji
 * included: stripping them is the automation's rule.
 *
 * The event carries the applicant's name and e-mail address: the automation needs them for the ticket.
 * They never go into a log line, and runs that keep the event expire with the run retention.
 */
export const contactFormSubmittedSchema = z.extend(envelopeSchema, {
  provider: z.literal('website'),
  kind: contactFormKindSchema,
  firstName: text(200, 1),
  lastName: text(200, 1),
  emailAddress: z.email().check(z.maxLength(320)),
  position: z.optional(text(300, 1)),
  linkedinProfileUrl: z.optional(text(500, 1)),
  location: z.optional(text(300, 1)),
  message: z.optional(text(20_000, 1)),
});
