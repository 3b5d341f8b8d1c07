import { signUnthreadRequest } from '../../../functions/ingest/unthread/verify-unthread-request';

/**
 * POSTs a JSON body to Switchboard's Unthread endpoint as Unthread does: `X-Unthread-Signature`, the hex
 * HMAC-SHA256 of the raw body with the signing secret, and `X-Unthread-Attempt-Number` (1, then 2, … on retries).
 */
export async function sendSignedUnthreadRequest(input: { url: string; body: string; signingSecret: string; attempt?: number }): Promise<{ status: number; body: string }> {
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-unthread-signature': signUnthreadRequest(input.signingSecret, input.body),
      'x-unthread-attempt-number': String(input.attempt ?? 1),
    },
    body: input.body,
  });
  return { status: response.status, body: await response.text() };
}
