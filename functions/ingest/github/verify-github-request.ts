import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'Failed to verify authenticity';
const SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/** A GitHub delivery whose signature is missing or wrong (answered 401). */
export class GitHubSignatureError extends Error {
  override readonly name = 'GitHubSignatureError';
}

export interface GitHubRequestVerificationOptions {
  /** `GITHUB_WEBHOOK_SECRET`. */
  secret: string;
  /** Secrets still accepted while rotating to `secret` (`GITHUB_WEBHOOK_SECRET_PREVIOUS`). */
  additionalSecrets?: readonly string[];
  /** The raw body, exactly as received. */
  body: Buffer | string;
  /** The `X-Hub-Signature-256` header. */
  signature: string | undefined;
}

/**
 * Checks GitHub's webhook signature: `sha256=` + hex HMAC-SHA256 of the raw body, keyed with the webhook
 * secret, compared in constant time against each accepted secret. Throws GitHubSignatureError, else
 * returns. GitHub signs no timestamp, so there is no freshness check: a replayed delivery carries the
 * same `X-GitHub-Delivery` and is caught by deduplication instead. The legacy SHA-1 `X-Hub-Signature`
 * is never accepted.
 *
 * @example
 * verifyGitHubRequest({ secret, additionalSecrets: [previous], body: request.body, signature: request.headers['x-hub-signature-256'] });
 */
export function verifyGitHubRequest(options: GitHubRequestVerificationOptions): void {
  const signature = options.signature?.trim().toLowerCase();
  if (signature === undefined || signature === '') {
    throw new GitHubSignatureError(`${PREFIX}: header x-hub-signature-256 is missing`);
  }
  if (!SIGNATURE.test(signature)) {
    throw new GitHubSignatureError(`${PREFIX}: header x-hub-signature-256 is not sha256= followed by 64 hex digits`);
  }
  const received = Buffer.from(signature, 'utf8');
  const secrets = [options.secret, ...(options.additionalSecrets ?? [])];
  // Every secret is tried, whichever matches, so the time taken does not say which one did.
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signGitHubRequest(secret, options.body), 'utf8');
    if (timingSafeEqual(received, expected)) matched = true;
  }
  if (!matched) throw new GitHubSignatureError(`${PREFIX}: signature does not match`);
}

/** The boolean twin of verifyGitHubRequest. */
export function isValidGitHubRequest(options: GitHubRequestVerificationOptions): boolean {
  try {
    verifyGitHubRequest(options);
    return true;
  } catch {
    return false;
  }
}

/** The `X-Hub-Signature-256` GitHub would send for this body (used by `simulate` and tests). */
export function signGitHubRequest(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
