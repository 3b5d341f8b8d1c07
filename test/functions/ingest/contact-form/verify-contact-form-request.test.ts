import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ContactFormSignatureError,
  isValidContactFormRequest,
  signContactFormBody,
  verifyContactFormRequest,
} from '../../../../functions/ingest/contact-form/verify-contact-form-request';

const SECRET = 'website-shared-secret';
const BODY = '{"firstName":"Ada","lastName":"Lovelace"}';

function failure(options: Parameters<typeof verifyContactFormRequest>[0]): string {
  try {
    verifyContactFormRequest(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ContactFormSignatureError);
    return (error as Error).message;
  }
  throw new Error('expected the request to be refused');
}

describe('contact form request verification', () => {
  describe('by the webhookSecret field (what the website sends Zapier today)', () => {
    it('accepts the right secret', () => {
      expect(() => verifyContactFormRequest({ secret: SECRET, body: BODY, signature: undefined, webhookSecret: SECRET })).not.toThrow();
    });

    it('refuses a wrong secret, a prefix of it and a longer one', () => {
      for (const webhookSecret of ['wrong', SECRET.slice(0, -1), `${SECRET}x`]) {
        expect(failure({ secret: SECRET, body: BODY, signature: undefined, webhookSecret })).toContain('webhookSecret does not match');
      }
    });

    it('refuses a request with neither a field nor a header', () => {
      expect(failure({ secret: SECRET, body: BODY, signature: undefined, webhookSecret: undefined })).toContain('no x-switchboard-signature header and no webhookSecret field');
      expect(failure({ secret: SECRET, body: BODY, signature: '', webhookSecret: '' })).toContain('no webhookSecret');
    });

    it('accepts a secret still being rotated out', () => {
      expect(isValidContactFormRequest({ secret: 'new-secret', additionalSecrets: [SECRET], body: BODY, signature: undefined, webhookSecret: SECRET })).toBe(true);
    });
  });

  describe('by the X-Switchboard-Signature header', () => {
    it('accepts sha256= and the hex HMAC-SHA256 of the raw body, in either case', () => {
      const signature = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;

      expect(signContactFormBody(SECRET, BODY)).toBe(signature);
      expect(isValidContactFormRequest({ secret: SECRET, body: Buffer.from(BODY), signature, webhookSecret: undefined })).toBe(true);
      expect(isValidContactFormRequest({ secret: SECRET, body: BODY, signature: signature.toUpperCase().replace('SHA256=', 'sha256='), webhookSecret: undefined })).toBe(true);
    });

    it('refuses a signature of another body or another secret', () => {
      expect(failure({ secret: SECRET, body: BODY, signature: signContactFormBody(SECRET, `${BODY} `), webhookSecret: undefined })).toContain('signature does not match');
      expect(failure({ secret: SECRET, body: BODY, signature: signContactFormBody('other', BODY), webhookSecret: undefined })).toContain('signature does not match');
    });

    it('refuses a malformed header, naming the expected form', () => {
      expect(failure({ secret: SECRET, body: BODY, signature: 'v0=abc', webhookSecret: undefined })).toContain('"sha256=" and 64 hex digits');
    });

    it('does not let a right webhookSecret rescue a wrong header', () => {
      expect(failure({ secret: SECRET, body: BODY, signature: signContactFormBody('other', BODY), webhookSecret: SECRET })).toContain('signature does not match');
    });
  });
});
