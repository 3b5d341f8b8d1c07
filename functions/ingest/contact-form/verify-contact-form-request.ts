import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'Failed to verify authenticity';
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;

/** A website request whose signature or secret is missing or wrong (answered 401). */
export class ContactFormSignatureError extends Error {
  override readonly name = 'ContactFormSignatureError';
}

export interface ContactFormVerificationOptions {
  /** `CONTACT_FORM_SECRET`. */
  secret: string;
  /** Secrets still accepted while rotating to `secret`. */
  additionalSecrets?: readonly string[];
  /** The raw body, exactly as received. */
  body: Buffer | string;
  /** The `X-Switchboard-Signature` header, when the sender signs its requests. */
  signature: string | undefined;
  /** The body's `webhookSecret` field: what the website sends Zapier today. */
  webhookSecret: string | undefined;
}

/**
 * Checks a website form post (SPEC §2) one of two ways. With an `X-Switchboard-Signature` header:
 * `sha256=` and the hex HMAC-SHA256 of the raw body keyed with the secret, and nothing else counts (a
 * wrong header is not rescued by a body field). Without one: the body's `webhookSecret` field must equal
 * the secret, which is how the website authenticates to Zapier today. Both compare in constant time;
 * the field is compared through SHA-256 digests, so that not even its length leaks. There is no timestamp
 * in either scheme, so a replayed post is caught by the re-post window, not here. Throws
 * ContactFormSignatureError, else returns.
 *
 * @example
 * verifyContactFormRequest({ secret, body: request.body, signature: request.headers['x-switchboard-signature'], webhookSecret: fields.webhookSecret });
 */
export function verifyContactFormRequest(options: ContactFormVerificationOptions): void {
  const secrets = [options.secret, ...(options.additionalSecrets ?? [])];
  const signature = options.signature?.trim();
  if (signature !== undefined && signature !== '') {
    if (!SIGNATURE.test(signature)) {
      throw new ContactFormSignatureError(`${PREFIX}: header x-switchboard-signature must be "sha256=" and 64 hex digits`);
    }
    const received = signature.toLowerCase();
    if (!secrets.some((secret) => sameBytes(received, signContactFormBody(secret, options.body)))) {
      throw new ContactFormSignatureError(`${PREFIX}: signature does not match`);
    }
    return;
  }
  if (options.webhookSecret === undefined || options.webhookSecret === '') {
    throw new ContactFormSignatureError(`${PREFIX}: no x-switchboard-signature header and no webhookSecret field`);
  }
  const offered = digest(options.webhookSecret);
  if (!secrets.some((secret) => timingSafeEqual(offered, digest(secret)))) {
    throw new ContactFormSignatureError(`${PREFIX}: webhookSecret does not match`);
  }
}

/** The boolean twin of verifyContactFormRequest. */
export function isValidContactFormRequest(options: ContactFormVerificationOptions): boolean {
  try {
    verifyContactFormRequest(options);
    return true;
  } catch {
    return false;
  }
}

/** The `X-Switchboard-Signature` for a body: `sha256=` and the hex HMAC-SHA256 (used by senders, `simulate` and tests). */
export function signContactFormBody(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function sameBytes(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
