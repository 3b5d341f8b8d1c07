import * as z from 'zod/mini';
import '../../../shared/events/zod-messages';

/**
 * The fields the website posts (SPEC §3.E), as JSON or form-encoded: today's Zapier payload
 * `{firstName, lastName, emailAddress, position, linkedinProfileUrl, location, message, webhookSecret}`,
 * or the general contact message `{firstName, lastName, emailAddress, message}`. Values are trimmed; an
 * optional field sent empty or null counts as absent. Loose: a field the website adds one day does not
 * break the form. Messages never quote the value, which may be personal data.
 */

const notText = (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be text');

function required(max: number) {
  return z.string({ error: notText }).check(z.trim(), z.minLength(1, 'is required'), z.maxLength(max, `must be at most ${max} characters`));
}

function optional(max: number) {
  return z.optional(z.nullable(z.string({ error: 'must be text' }).check(z.trim(), z.maxLength(max, `must be at most ${max} characters`))));
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const contactFormFieldsSchema = z.looseObject({
  firstName: required(200),
  lastName: required(200),
  emailAddress: z.pipe(required(320), z.email('must be an e-mail address')),
  position: optional(300),
  linkedinProfileUrl: z.optional(
    z.nullable(
      z
        .string({ error: 'must be text' })
        .check(z.trim(), z.maxLength(500, 'must be at most 500 characters'), z.refine((value) => value === '' || isWebUrl(value), 'must be an http(s) URL')),
    ),
  ),
  location: optional(300),
  message: optional(20_000),
});

/** The fields as validated: trimmed, with empty optional ones possibly still present as '' or null. */
export type ContactFormFields = z.infer<typeof contactFormFieldsSchema>;

/** A validated submission: a job application when it names a position, else a general contact message. */
export interface ContactFormSubmission {
  kind: 'job-application' | 'contact-message';
  firstName: string;
  lastName: string;
  emailAddress: string;
  position?: string;
  linkedinProfileUrl?: string;
  location?: string;
  message?: string;
}

/** One bad field, as the 400 answer names it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Validates the posted fields into a submission, or returns every bad field at once (a message without
 * a position needs its `message`).
 */
export function readContactFormSubmission(fields: Record<string, unknown>): { submission: ContactFormSubmission } | { issues: FieldIssue[] } {
  const parsed = z.safeParse(contactFormFieldsSchema, fields);
  const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const position = presentText(fields['position']);
  if (position === undefined && presentText(fields['message']) === undefined && !issues.some((issue) => issue.path === 'message')) {
    issues.push({ path: 'message', message: 'is required for a contact message (one without a position)' });
  }
  if (!parsed.success || issues.length > 0) return { issues };
  const data = parsed.data;
  const optionalFields = {
    position: filled(data.position),
    linkedinProfileUrl: filled(data.linkedinProfileUrl),
    location: filled(data.location),
    message: filled(data.message),
  };
  return {
    submission: {
      kind: optionalFields.position === undefined ? 'contact-message' : 'job-application',
      firstName: data.firstName,
      lastName: data.lastName,
      emailAddress: data.emailAddress,
      ...Object.fromEntries(Object.entries(optionalFields).filter(([, value]) => value !== undefined)),
    },
  };
}

function filled(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function presentText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
