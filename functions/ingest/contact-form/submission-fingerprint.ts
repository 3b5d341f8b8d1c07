import { createHmac } from 'node:crypto';
import type { ContactFormSubmission } from './contact-form-payloads';

/**
 * What makes two posts "the same form": every field as validated (trimmed, empty ones absent, the e-mail
 * address in lower case), never the secret. Keyed with the contact-form secret, so that the fingerprint
 * kept for the re-post window cannot be matched against guessed names and addresses without it.
 *
 * @example
 * submissionFingerprint(submission, secrets.CONTACT_FORM_SECRET) // '5f0c…' (64 hex digits)
 */
export function submissionFingerprint(submission: ContactFormSubmission, key: string): string {
  const canonical = JSON.stringify([
    submission.kind,
    submission.firstName,
    submission.lastName,
    submission.emailAddress.toLowerCase(),
    submission.position ?? '',
    submission.linkedinProfileUrl ?? '',
    submission.location ?? '',
    submission.message ?? '',
  ]);
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}
