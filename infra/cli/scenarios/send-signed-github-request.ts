import { createHmac, randomUUID } from 'node:crypto';
import { signGitHubRequest } from '../../../functions/ingest/github/verify-github-request';

export interface SignedGitHubRequest {
  /** Where to POST: a Switchboard's `/webhooks/github`. */
  url: string;
  /** `X-GitHub-Event`: `issue_comment`, `issues`, `label`, `ping`, … */
  event: string;
  /** The payload, or the exact body to send (for fuzzing), signed as given. */
  payload: unknown;
  secret: string;
  /** `X-GitHub-Delivery`, the same on a redelivery: default a new GUID. */
  deliveryId?: string;
  /** The webhook's content type: GitHub sends JSON, or the JSON in a `payload` form field. */
  contentType?: 'application/json' | 'application/x-www-form-urlencoded';
}

/**
 * POSTs a webhook delivery as GitHub does (SPEC §2): the body signed with `X-Hub-Signature-256`
 * (`sha256=` hex HMAC-SHA256 keyed with the webhook secret; the legacy SHA-1 `X-Hub-Signature` too), with
 * GitHub's event, delivery and hook headers.
 */
export async function sendSignedGitHubRequest(input: SignedGitHubRequest): Promise<{ status: number; body: string; deliveryId: string }> {
  const deliveryId = input.deliveryId ?? randomUUID();
  const contentType = input.contentType ?? 'application/json';
  const json = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload);
  const body = contentType === 'application/json' ? json : new URLSearchParams({ payload: json }).toString();
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'GitHub-Hookshot/7c3c2d1',
      'x-github-event': input.event,
      'x-github-delivery': deliveryId,
      'x-github-hook-id': '109948940',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '186853002',
      'x-hub-signature': `sha1=${createHmac('sha1', input.secret).update(body).digest('hex')}`,
      'x-hub-signature-256': signGitHubRequest(input.secret, body),
    },
    body,
  });
  return { status: response.status, body: await response.text(), deliveryId };
}
