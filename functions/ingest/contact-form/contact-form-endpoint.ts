import type { Endpoint } from '../endpoint';
import { acceptDelivery } from '../accept-delivery';
import { badRequest, serviceUnavailable } from '../http-error';
import { jsonResponse, mediaType, type IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { normaliseOr400, parseFormBody } from '../parse-body';
import { authenticateContactForm } from './authenticate-contact-form';
import { bannedDomainOf } from './banned-email-domain';
import { readContactFormSubmission } from './contact-form-payloads';
import type { ContactFormRules } from './contact-form-rules';
import { normaliseContactForm } from './normalise-contact-form';
import { submissionFingerprint } from './submission-fingerprint';

/**
 * POST /webhooks/contact-form — the company website's job-application and contact forms, exactly as the
 * website posts them to Zapier today (JSON or form-encoded, `webhookSecret` in the body), or signed with
 * `X-Switchboard-Signature`. A valid post is published as `contact.form.submitted` and answered
 * 202 `{ "id": … }` once it is durable; the same form posted again within the re-post window gets the same
 * id and is accepted once. The website neither retries nor reads the answer beyond its status, so every
 * refusal says precisely what is wrong: 401 for the secret, 400 naming each bad field or the banned domain.
 */
export const contactFormEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['application/json', 'application/x-www-form-urlencoded'],
  async handle(request, context) {
    const fields = readFields(request);
    const secret = await authenticateContactForm(request, fields, context);
    if (fields === undefined) throw badRequest('body is not a JSON object of form fields');
    const read = readContactFormSubmission(fields);
    if ('issues' in read) throw badRequest('invalid contact form', read.issues);
    const { submission } = read;
    const rules = await contactFormRules(context);
    if (bannedDomainOf(submission.emailAddress, rules.bannedEmailDomains) !== undefined) {
      throw badRequest('this e-mail address is not accepted: its domain is on the banned list; please use another address', [
        { path: 'emailAddress', message: 'its domain is not accepted' },
      ]);
    }
    const receivedAt = context.clock.now();
    const { id } = await submissionIdFor(context, submissionFingerprint(submission, secret), rules.repostWindowMs);
    const event = normaliseOr400('invalid contact form', () => normaliseContactForm(submission, id, receivedAt));
    await acceptDelivery(context, { provider: 'website', id }, [event]);
    return jsonResponse(202, { id });
  },
};

/**
 * The posted fields, or undefined when the body is no object of fields (which cannot then carry a
 * `webhookSecret` either, so it is refused as unauthenticated first). A form field sent twice counts
 * with its first value.
 */
function readFields(request: IngestRequest): Record<string, unknown> | undefined {
  if (mediaType(request) === 'application/x-www-form-urlencoded') {
    // Object.fromEntries keeps the last value of a repeated name; reversed, the first one wins.
    return Object.fromEntries([...parseFormBody(request)].reverse());
  }
  try {
    const json: unknown = JSON.parse(request.body.toString('utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function contactFormRules(context: IngestContext): Promise<ContactFormRules> {
  try {
    return await context.contactFormRules();
  } catch (error) {
    context.log.error('contact form rules unreadable', { error: error as Error });
    throw serviceUnavailable('the contact form rules could not be read; retry later');
  }
}

async function submissionIdFor(context: IngestContext, fingerprint: string, windowMs: number): Promise<{ id: string }> {
  try {
    return await context.formSubmissions.idFor(fingerprint, windowMs);
  } catch (error) {
    context.log.error('form submission not recorded', { error: error as Error });
    throw serviceUnavailable('the submission could not be stored; retry later');
  }
}
