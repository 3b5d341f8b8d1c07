import { randomUUID } from 'node:crypto';
import { formParams, signTwilioRequest } from '../../../functions/ingest/twilio/verify-twilio-request';

export interface SignedTwilioRequest {
  /** Where to POST: a Switchboard Twilio endpoint. */
  url: string;
  /**
   * The form fields; or a raw form body (for fuzzing), signed as the receiver will parse it.
   */
  params: Record<string, string> | URLSearchParams | string;
  authToken: string;
  /**
   * The public URL Twilio would have posted to, when it is not `url` (Switchboard behind a tunnel or a
   * proxy: PUBLIC_BASE_URL + path). Twilio signs the URL it was configured with.
   */
  signedUrl?: string;
  /**
   * `I-Twilio-Idempotency-Token`, the same on every retry of one webhook: default a new one; `null` sends
   * none (as older webhooks did).
   */
  idempotencyToken?: string | null;
}

/**
 * POSTs form fields to a Switchboard Twilio endpoint, signed like Twilio signs them (SPEC §2: base64
 * HMAC-SHA1 of the URL and the sorted fields, keyed with the auth token), with Twilio's headers.
 */
export async function sendSignedTwilioRequest(input: SignedTwilioRequest): Promise<{ status: number; contentType: string | null; body: string }> {
  const form = new URLSearchParams(input.params);
  const body = typeof input.params === 'string' ? input.params : form.toString();
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'TwilioProxy/1.1',
      'x-twilio-signature': signTwilioRequest(input.authToken, input.signedUrl ?? input.url, formParams(form)),
      ...(input.idempotencyToken === null ? {} : { 'i-twilio-idempotency-token': input.idempotencyToken ?? randomUUID() }),
    },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}
