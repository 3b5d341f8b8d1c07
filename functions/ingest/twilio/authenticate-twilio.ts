import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { parseFormBody } from '../parse-body';
import { formParams, TwilioSignatureError, verifyTwilioRequest } from './verify-twilio-request';

/**
 * Verifies a Twilio webhook and returns its form fields, or answers 401 (503 when TWILIO_AUTH_TOKEN or
 * PUBLIC_BASE_URL is not configured: Twilio signs the public URL it posted to, which only configuration knows).
 */
export async function authenticateTwilio(request: IngestRequest, context: IngestContext): Promise<URLSearchParams> {
  const { TWILIO_AUTH_TOKEN: authToken } = await context.secrets();
  if (authToken === undefined) throw serviceUnavailable('Twilio is not configured: TWILIO_AUTH_TOKEN is not set');
  const baseUrl = context.publicBaseUrl();
  if (baseUrl === undefined) throw serviceUnavailable('Twilio requests cannot be verified: PUBLIC_BASE_URL is not set');
  const form = parseFormBody(request);
  try {
    verifyTwilioRequest({
      authToken,
      url: publicUrl(baseUrl, request),
      params: formParams(form),
      signature: request.headers['x-twilio-signature'],
    });
  } catch (error) {
    if (error instanceof TwilioSignatureError) throw unauthorized(error.message);
    throw error;
  }
  return form;
}

/** The URL Twilio requested, as the public sees it: `PUBLIC_BASE_URL` + path (+ `?` + the query as received). */
function publicUrl(baseUrl: string, request: IngestRequest): string {
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${request.rawQuery === '' ? '' : `?${request.rawQuery}`}`;
}
