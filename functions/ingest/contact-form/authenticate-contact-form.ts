import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { ContactFormSignatureError, verifyContactFormRequest } from './verify-contact-form-request';

/**
 * Verifies a website form post by its `X-Switchboard-Signature` header or its `webhookSecret` field, or
 * answers 401 (503 when no CONTACT_FORM_SECRET is configured). Returns the secret, which also keys the
 * submission's fingerprint.
 */
export async function authenticateContactForm(request: IngestRequest, fields: Record<string, unknown> | undefined, context: IngestContext): Promise<string> {
  const { CONTACT_FORM_SECRET: secret } = await context.secrets();
  if (secret === undefined) throw serviceUnavailable('the contact form is not configured: CONTACT_FORM_SECRET is not set');
  const webhookSecret = fields?.['webhookSecret'];
  try {
    verifyContactFormRequest({
      secret,
      body: request.body,
      signature: request.headers['x-switchboard-signature'],
      webhookSecret: typeof webhookSecret === 'string' ? webhookSecret : undefined,
    });
  } catch (error) {
    if (error instanceof ContactFormSignatureError) throw unauthorized(error.message);
    throw error;
  }
  return secret;
}
