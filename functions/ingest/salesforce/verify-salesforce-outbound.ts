import { createHash, timingSafeEqual } from 'node:crypto';

const PREFIX = 'Failed to verify authenticity';

/** An outbound message whose token or organisation is not the configured one (answered 401). */
export class SalesforceOutboundAuthError extends Error {
  override readonly name = 'SalesforceOutboundAuthError';
}

/**
 * Compares two values in constant time, whatever their lengths: their SHA-256 digests are compared, so
 * neither the time taken nor an early length check says how much of a guess was right.
 */
function sameInConstantTime(received: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/**
 * Checks the `token` query parameter of an outbound message's URL against `SALESFORCE_OUTBOUND_TOKEN`, in
 * constant time. Salesforce signs nothing: the token in the endpoint URL (over HTTPS) and the
 * organisation id are what authenticate it. Throws SalesforceOutboundAuthError, else returns.
 *
 * @example
 * verifyOutboundToken({ token: request.query.get('token'), expected: secrets.SALESFORCE_OUTBOUND_TOKEN });
 */
export function verifyOutboundToken(options: { token: string | null | undefined; expected: string }): void {
  const token = options.token ?? '';
  if (token === '') throw new SalesforceOutboundAuthError(`${PREFIX}: the token query parameter is missing`);
  if (!sameInConstantTime(token, options.expected)) throw new SalesforceOutboundAuthError(`${PREFIX}: the token does not match`);
}

/**
 * Checks the message's `OrganizationId` against `SALESFORCE_ORG_ID`, in constant time. Salesforce sends the
 * 18-character id; a configured 15-character one (as Setup shows it) matches its first 15 characters.
 */
export function verifyOrganizationId(options: { organizationId: string; expected: string }): void {
  const expected = options.expected.trim();
  const received = expected.length === 15 ? options.organizationId.slice(0, 15) : options.organizationId;
  if (!sameInConstantTime(received, expected)) throw new SalesforceOutboundAuthError(`${PREFIX}: the message is from another Salesforce organization`);
}

/** The boolean twin of verifyOutboundToken. */
export function isValidOutboundToken(options: { token: string | null | undefined; expected: string }): boolean {
  try {
    verifyOutboundToken(options);
    return true;
  } catch {
    return false;
  }
}
