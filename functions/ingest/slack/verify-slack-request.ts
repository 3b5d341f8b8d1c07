import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'Failed to verify authenticity';
const MAX_SKEW_SECONDS = 5 * 60;

/** A Slack request whose signature is missing, stale or wrong (answered 401). */
export class SlackSignatureError extends Error {
  override readonly name = 'SlackSignatureError';
}

export interface SlackRequestVerificationOptions {
  signingSecret: string;
  /** Secrets still accepted while rotating to `signingSecret`. */
  additionalSecrets?: readonly string[];
  /** The raw body, exactly as received. */
  body: Buffer | string;
  headers: { 'x-slack-signature'?: string | undefined; 'x-slack-request-timestamp'?: string | undefined };
  /** The clock, injectable for tests. */
  nowMilliseconds?: number;
}

/**
 * Checks Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the
 * signing secret, and a timestamp within five minutes. Throws SlackSignatureError, else returns.
 *
 * @example
 * verifySlackRequest({ signingSecret, body: rawBody, headers: request.headers, nowMilliseconds: clock.now().getTime() });
 */
export function verifySlackRequest(options: SlackRequestVerificationOptions): void {
  const signature = options.headers['x-slack-signature'];
  const timestampHeader = options.headers['x-slack-request-timestamp'];
  if (signature === undefined || signature === '') {
    throw new SlackSignatureError(`${PREFIX}: header x-slack-signature is missing`);
  }
  if (timestampHeader === undefined || !/^\d{1,12}$/.test(timestampHeader)) {
    throw new SlackSignatureError(`${PREFIX}: header x-slack-request-timestamp is missing or not a Unix time`);
  }
  const timestamp = Number(timestampHeader);
  const nowSeconds = Math.floor((options.nowMilliseconds ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) {
    throw new SlackSignatureError(`${PREFIX}: x-slack-request-timestamp is more than 5 minutes from now`);
  }
  const secrets = [options.signingSecret, ...(options.additionalSecrets ?? [])];
  if (!secrets.some((secret) => sameSignature(signature, signSlackRequest(secret, timestamp, options.body)))) {
    throw new SlackSignatureError(`${PREFIX}: signature does not match`);
  }
}

/** The boolean twin of verifySlackRequest. */
export function isValidSlackRequest(options: SlackRequestVerificationOptions): boolean {
  try {
    verifySlackRequest(options);
    return true;
  } catch {
    return false;
  }
}

/** The `X-Slack-Signature` Slack would send for this body at this time (used by `simulate` and tests). */
export function signSlackRequest(signingSecret: string, timestampSeconds: number, body: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestampSeconds}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

function sameSignature(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
