// Only the webhook module: the package root pulls in the whole REST client, far over ingest's bundle budget.
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks.js';

const PREFIX = 'Failed to verify authenticity';

/** A Twilio request whose signature is missing or wrong (answered 401). */
export class TwilioSignatureError extends Error {
  override readonly name = 'TwilioSignatureError';
}

/** Form fields as Twilio posted them; a field sent more than once has all its values. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export interface TwilioRequestVerificationOptions {
  authToken: string;
  /** Auth tokens still accepted while rotating to `authToken` (Twilio's secondary token). */
  additionalAuthTokens?: readonly string[];
  /** The full public URL Twilio requested, with its query string: Twilio signs the URL as configured. */
  url: string;
  /** The form fields of the body. */
  params: TwilioParams;
  /** The `X-Twilio-Signature` header. */
  signature: string | undefined;
}

/**
 * Checks Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the URL followed by
 * every form field name and value in name order. Twilio's own validator does the hashing (with its
 * tolerance for an explicit or implicit port) and compares in constant time. Throws TwilioSignatureError,
 * else returns. Twilio signs no timestamp, so there is no freshness check: redelivered requests are caught
 * by deduplication instead.
 *
 * @example
 * verifyTwilioRequest({ authToken, url: `${publicBaseUrl}${request.path}`, params, signature: request.headers['x-twilio-signature'] });
 */
export function verifyTwilioRequest(options: TwilioRequestVerificationOptions): void {
  const signature = options.signature;
  if (signature === undefined || signature === '') {
    throw new TwilioSignatureError(`${PREFIX}: header x-twilio-signature is missing`);
  }
  const tokens = [options.authToken, ...(options.additionalAuthTokens ?? [])];
  if (!tokens.some((token) => matches(token, signature, options.url, options.params))) {
    throw new TwilioSignatureError(`${PREFIX}: signature does not match the URL and parameters`);
  }
}

/** The boolean twin of verifyTwilioRequest. */
export function isValidTwilioRequest(options: TwilioRequestVerificationOptions): boolean {
  try {
    verifyTwilioRequest(options);
    return true;
  } catch {
    return false;
  }
}

/** The `X-Twilio-Signature` Twilio would send for these fields posted to this URL (used by `simulate` and tests). */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

/** The fields of a form body as the verifier takes them: every field, with all its values. */
export function formParams(form: URLSearchParams): TwilioParams {
  // No prototype: a field named __proto__ is a field like any other.
  const params: Record<string, string | string[]> = Object.create(null);
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    params[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}

function matches(authToken: string, signature: string, url: string, params: TwilioParams): boolean {
  try {
    return validateRequest(authToken, signature, url, params);
  } catch {
    // The validator re-parses the URL with `new URL()` as a fallback, which throws on a malformed one.
    return false;
  }
}
