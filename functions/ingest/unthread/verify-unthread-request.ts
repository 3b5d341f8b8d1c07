import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'Failed to verify authenticity';
const HEX_SIGNATURE = /^[0-9a-f]{64}$/i;

/** An Unthread webhook whose signature is missing or wrong (answered 401). */
export class UnthreadSignatureError extends Error {
  override readonly name = 'UnthreadSignatureError';
}

export interface UnthreadRequestVerificationOptions {
  /** `UNTHREAD_WEBHOOK_SECRET`: the signing secret from the Unthread dashboard. */
  signingSecret: string;
  /** Secrets still accepted while rotating to `signingSecret`. */
  additionalSecrets?: readonly string[];
  /** The raw body, exactly as received. */
  body: Buffer | string;
  /** The `X-Unthread-Signature` header. */
  signature: string | undefined;
}

/**
 * Checks Unthread's webhook signature: `X-Unthread-Signature` is the hex HMAC-SHA256 of the raw body keyed
 * with the signing secret (https://docs.unthread.io/api-introduction/webhooks, "Security"). Compared in
 * constant time. Unthread signs no timestamp, so there is no freshness check: a replayed delivery carries
 * an `eventId` seen before and is deduplicated instead. Throws UnthreadSignatureError, else returns.
 *
 * @example
 * verifyUnthreadRequest({ signingSecret, body: request.body, signature: request.headers['x-unthread-signature'] });
 */
export function verifyUnthreadRequest(options: UnthreadRequestVerificationOptions): void {
  const signature = options.signature?.trim();
  if (signature === undefined || signature === '') throw new UnthreadSignatureError(`${PREFIX}: header x-unthread-signature is missing`);
  if (!HEX_SIGNATURE.test(signature)) throw new UnthreadSignatureError(`${PREFIX}: header x-unthread-signature must be 64 hex digits`);
  const received = Buffer.from(signature.toLowerCase(), 'utf8');
  const secrets = [options.signingSecret, ...(options.additionalSecrets ?? [])];
  if (!secrets.some((secret) => timingSafeEqual(received, Buffer.from(signUnthreadRequest(secret, options.body), 'utf8')))) {
    throw new UnthreadSignatureError(`${PREFIX}: signature does not match`);
  }
}

/** The boolean twin of verifyUnthreadRequest. */
export function isValidUnthreadRequest(options: UnthreadRequestVerificationOptions): boolean {
  try {
    verifyUnthreadRequest(options);
    return true;
  } catch {
    return false;
  }
}

/** The `X-Unthread-Signature` Unthread would send for this body (used by `simulate`, the fake API and tests). */
export function signUnthreadRequest(signingSecret: string, body: Buffer | string): string {
  return createHmac('sha256', signingSecret).update(body).digest('hex');
}
