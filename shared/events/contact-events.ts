import * as z from 'zod';
import { envelopeSchema } from './envelope';

/** The company website's contact or job-application form, as the website posts it today. */
export const contactFormSubmittedSchema = envelopeSchema.extend({
  provider: z.literal('website'),
  firstName: z.string().max(200),
  lastName: z.string().max(200),
  emailAddress: z.email().max(320),
  position: z.string().max(300).optional(),
  linkedinProfileUrl: z.string().max(500).optional(),
  location: z.string().max(300).optional(),
  message: z.string().max(20_000).optional(),
});
