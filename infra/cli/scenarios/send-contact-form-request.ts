import { signContactFormBody } from '../../../functions/ingest/contact-form/verify-contact-form-request';

export interface ContactFormRequest {
  /** Where to POST: `{base}/webhooks/contact-form`. */
  url: string;
  /** The fields, sent as the website sends them (JSON by default). */
  fields: Record<string, string>;
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
  /** Also sign the raw body with `X-Switchboard-Signature` using this secret (a sender other than the website). */
  signWith?: string;
}

/**
 * POSTs a form to Switchboard the way the website posts it to Zapier today: the fields as a JSON object
 * (`webhookSecret` among them), or form-encoded; optionally signed with `X-Switchboard-Signature` instead.
 */
export async function sendContactFormRequest(input: ContactFormRequest): Promise<{ status: number; body: string }> {
  const contentType = input.contentType ?? 'application/json';
  const body = contentType === 'application/json' ? JSON.stringify(input.fields) : new URLSearchParams(input.fields).toString();
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(input.signWith === undefined ? {} : { 'x-switchboard-signature': signContactFormBody(input.signWith, body) }),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}
