import { readFileSync } from 'node:fs';
import { contactMessagePayload, jobApplicationPayload, SAMPLE_APPLICATION, SAMPLE_CONTACT_MESSAGE, type ContactMessageInput, type JobApplicationInput } from '../../infra/cli/scenarios/contact-form-payload';
import { sendContactFormRequest } from '../../infra/cli/scenarios/send-contact-form-request';
import { TEST_CONTACT_FORM_SECRET, type LocalSwitchboard } from './local-switchboard';

/** The website's requests, as fixtures (what it posts to Zapier today, the secret replaced). */
export function websiteFixture(name: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../fixtures/website/${name}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

/** Posts a job application exactly as the website does (JSON, `webhookSecret` in the body); answers status, body and id. */
export async function postJobApplication(
  switchboard: LocalSwitchboard,
  overrides: Partial<JobApplicationInput> = {},
  options: { secret?: string; contentType?: 'application/json' | 'application/x-www-form-urlencoded' } = {},
): Promise<{ status: number; body: string; id: string | undefined }> {
  const fields = jobApplicationPayload({ ...SAMPLE_APPLICATION, ...overrides }, options.secret ?? TEST_CONTACT_FORM_SECRET);
  return postWebsiteForm(switchboard, fields, options.contentType);
}

/** Posts a general contact message as the website does. */
export async function postContactMessage(switchboard: LocalSwitchboard, overrides: Partial<ContactMessageInput> = {}): Promise<{ status: number; body: string; id: string | undefined }> {
  return postWebsiteForm(switchboard, contactMessagePayload({ ...SAMPLE_CONTACT_MESSAGE, ...overrides }, TEST_CONTACT_FORM_SECRET));
}

/** Posts any fields to the contact-form endpoint. */
export async function postWebsiteForm(
  switchboard: LocalSwitchboard,
  fields: Record<string, string>,
  contentType: 'application/json' | 'application/x-www-form-urlencoded' = 'application/json',
  signWith?: string,
): Promise<{ status: number; body: string; id: string | undefined }> {
  const answer = await sendContactFormRequest({ url: `${switchboard.url}/webhooks/contact-form`, fields, contentType, ...(signWith === undefined ? {} : { signWith }) });
  return { ...answer, id: answer.status === 202 ? (JSON.parse(answer.body) as { id: string }).id : undefined };
}
