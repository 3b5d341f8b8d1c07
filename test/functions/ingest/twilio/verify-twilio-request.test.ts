import { describe, expect, it } from 'vitest';
import {
  formParams,
  isValidTwilioRequest,
  signTwilioRequest,
  TwilioSignatureError,
  verifyTwilioRequest,
  type TwilioRequestVerificationOptions,
} from '../../../../functions/ingest/twilio/verify-twilio-request';

/** The test vector of Twilio's own helper libraries (twilio-node's webhooks tests). */
const VECTOR = {
  authToken: '12345',
  url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
  params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
  signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
};

const { Digits, ...withoutDigits } = VECTOR.params;

function options(overrides: Partial<TwilioRequestVerificationOptions> = {}): TwilioRequestVerificationOptions {
  return { authToken: VECTOR.authToken, url: VECTOR.url, params: VECTOR.params, signature: VECTOR.signature, ...overrides };
}

describe('Twilio request verification', () => {
  it("accepts Twilio's published test vector", () => {
    expect(() => verifyTwilioRequest(options())).not.toThrow();
    expect(isValidTwilioRequest(options())).toBe(true);
  });

  it("reproduces Twilio's published signature", () => {
    expect(signTwilioRequest(VECTOR.authToken, VECTOR.url, VECTOR.params)).toBe(VECTOR.signature);
  });

  it('does not depend on the order the fields came in', () => {
    const reversed = Object.fromEntries(Object.entries(VECTOR.params).reverse());
    expect(isValidTwilioRequest(options({ params: reversed }))).toBe(true);
  });

  it('accepts the URL with or without its default port, as Twilio may sign either', () => {
    expect(isValidTwilioRequest(options({ url: 'https://mycompany.com:443/myapp.php?foo=1&bar=2' }))).toBe(true);
  });

  it('verifies a field sent more than once with all its values', () => {
    const form = new URLSearchParams([['MediaUrl', 'https://a.example/1'], ['MediaUrl', 'https://a.example/2'], ['Body', 'hi']]);
    const signature = signTwilioRequest('s3cret', 'https://sb.example/webhooks/twilio/sms', formParams(form));
    const verify = (params: URLSearchParams) =>
      isValidTwilioRequest({ authToken: 's3cret', url: 'https://sb.example/webhooks/twilio/sms', params: formParams(params), signature });
    expect(verify(form)).toBe(true);
    expect(verify(new URLSearchParams([['MediaUrl', 'https://a.example/1'], ['Body', 'hi']]))).toBe(false);
  });

  it('treats a field named __proto__ as a field', () => {
    const form = new URLSearchParams([['__proto__', 'x'], ['Body', 'hi']]);
    expect(formParams(form)).toEqual(Object.assign(Object.create(null), { ['__proto__']: 'x', Body: 'hi' }));
    const signature = signTwilioRequest('s3cret', 'https://sb.example/x', formParams(new URLSearchParams([['Body', 'hi']])));
    expect(isValidTwilioRequest({ authToken: 's3cret', url: 'https://sb.example/x', params: formParams(form), signature })).toBe(false);
  });

  it.each([
    ['a missing signature', { signature: undefined }, 'header x-twilio-signature is missing'],
    ['an empty signature', { signature: '' }, 'header x-twilio-signature is missing'],
    ['a tampered field', { params: { ...VECTOR.params, Digits: '1235' } }, 'signature does not match'],
    ['an added field', { params: { ...VECTOR.params, Body: 'ACK' } }, 'signature does not match'],
    ['a removed field', { params: withoutDigits }, 'signature does not match'],
    ['another URL', { url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }, 'signature does not match'],
    ['another host', { url: 'https://evil.example/myapp.php?foo=1&bar=2' }, 'signature does not match'],
    ['another scheme', { url: 'http://mycompany.com/myapp.php?foo=1&bar=2' }, 'signature does not match'],
    ['a wrong auth token', { authToken: '54321' }, 'signature does not match'],
    ['a truncated signature', { signature: VECTOR.signature.slice(0, -2) }, 'signature does not match'],
    ['a malformed URL', { url: 'not a url' }, 'signature does not match'],
  ])('refuses %s', (_case, overrides, reason) => {
    const opts = options(overrides);
    expect(() => verifyTwilioRequest(opts)).toThrow(TwilioSignatureError);
    expect(() => verifyTwilioRequest(opts)).toThrow(`Failed to verify authenticity: ${reason}`);
    expect(isValidTwilioRequest(opts)).toBe(false);
  });

  it('accepts the previous auth token while rotating', () => {
    expect(isValidTwilioRequest(options({ authToken: 'the-new-token', additionalAuthTokens: [VECTOR.authToken] }))).toBe(true);
    expect(isValidTwilioRequest(options({ authToken: 'the-new-token', additionalAuthTokens: ['an-old-one'] }))).toBe(false);
  });

  it('signs what it verifies', () => {
    const url = 'https://switchboard.example.com/webhooks/twilio/sms';
    const params = { MessageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f', Body: 'ACK 4821 ☕', From: '+15555550101' };
    const signature = signTwilioRequest('tok', url, params);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(isValidTwilioRequest({ authToken: 'tok', url, params, signature })).toBe(true);
  });
});
