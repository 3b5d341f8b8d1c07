import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import type { ContactFormSubmission } from './contact-form-payloads';

/**
 * A validated form post as `contact.form.submitted`: the submission's fields and its id, never the
 * secret the website sent with them.
 */
export function normaliseContactForm(submission: ContactFormSubmission, submissionId: string, receivedAt: Date): EventOf<'contact.form.submitted'> {
  return createEvent('contact.form.submitted', {
    eventId: submissionId,
    receivedAt: receivedAt.toISOString(),
    provider: 'website',
    ...submission,
  });
}
