import { describe, expect, it } from 'vitest';
import { isValidOutboundToken, verifyOrganizationId, verifyOutboundToken } from '../../../../functions/ingest/salesforce/verify-salesforce-outbound';

const TOKEN = 'c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789';

describe('the outbound message token', () => {
  it('accepts the configured token', () => {
    expect(isValidOutboundToken({ token: TOKEN, expected: TOKEN })).toBe(true);
  });

  it.each([
    ['missing', null, 'the token query parameter is missing'],
    ['empty', '', 'the token query parameter is missing'],
    ['wrong', `${TOKEN.slice(0, -1)}0`, 'the token does not match'],
    ['a prefix of it', TOKEN.slice(0, 10), 'the token does not match'],
    ['longer', `${TOKEN}0`, 'the token does not match'],
  ])('refuses a %s token', (_what, token, message) => {
    expect(() => verifyOutboundToken({ token, expected: TOKEN })).toThrow(`Failed to verify authenticity: ${message}`);
  });
});

describe('the outbound message organization', () => {
  it('accepts the 18-character id, configured with 18 or 15 characters', () => {
    expect(() => verifyOrganizationId({ organizationId: '00D5e000000SBTESTA', expected: '00D5e000000SBTESTA' })).not.toThrow();
    expect(() => verifyOrganizationId({ organizationId: '00D5e000000SBTESTA', expected: '00D5e000000SBTE' })).not.toThrow();
  });

  it('refuses another organization, and a different letter case (15-character ids are case-sensitive)', () => {
    expect(() => verifyOrganizationId({ organizationId: '00D5e000000OTHERA', expected: '00D5e000000SBTESTA' })).toThrow('the message is from another Salesforce organization');
    expect(() => verifyOrganizationId({ organizationId: '00D5E000000SBTESTA', expected: '00D5e000000SBTE' })).toThrow('another Salesforce organization');
  });
});
