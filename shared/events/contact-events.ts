import * as z from 'zod/mini';
import { envelopeSchema, text } from './envelope';

/** The company website's contact or job-application form, as the website posts it today. */
export const contactFormSubmittedSchema = z.extend(envelopeSchema, {
  provider: z.literal('website'),
  firstName: text(200),
  lastName: text(200),
  emailAddress: z.email().check(z.maxLength(320)),
  position: z.optional(text(300)),
  linkedinProfileUrl: z.optional(text(500)),
  location: z.optional(text(300)),
  message: z.optional(text(20_000)),
});
