import { describe, expect, it } from 'vitest';
import { GitHubSignatureError, isValidGitHubRequest, signGitHubRequest, verifyGitHubRequest } from '../../../../functions/ingest/github/verify-github-request';

// GitHub's published test values ("Validating webhook deliveries").
const VECTOR = {
  secret: "It's a Secret to Everybody",
  body: 'Hello, World!',
  signature: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};

describe('GitHub webhook signature', () => {
  it("passes GitHub's published test vector", () => {
    expect(() => verifyGitHubRequest({ secret: VECTOR.secret, body: VECTOR.body, signature: VECTOR.signature })).not.toThrow();
    expect(signGitHubRequest(VECTOR.secret, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('verifies the raw bytes, a Buffer as well as a string', () => {
    expect(isValidGitHubRequest({ secret: VECTOR.secret, body: Buffer.from(VECTOR.body, 'utf8'), signature: VECTOR.signature })).toBe(true);
  });

  it('accepts the signature in upper case, as hex digits compare', () => {
    expect(isValidGitHubRequest({ secret: VECTOR.secret, body: VECTOR.body, signature: VECTOR.signature.toUpperCase().replace('SHA256', 'sha256') })).toBe(true);
  });

  it('refuses a body changed by one byte', () => {
    expect(() => verifyGitHubRequest({ secret: VECTOR.secret, body: 'Hello, World?', signature: VECTOR.signature })).toThrow(/does not match/);
  });

  it('refuses another secret', () => {
    expect(isValidGitHubRequest({ secret: "It's a secret to everybody", body: VECTOR.body, signature: VECTOR.signature })).toBe(false);
  });

  it('refuses a missing signature, naming the header', () => {
    const error = (() => {
      try {
        verifyGitHubRequest({ secret: VECTOR.secret, body: VECTOR.body, signature: undefined });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(GitHubSignatureError);
    expect((error as Error).message).toContain('x-hub-signature-256 is missing');
  });

  it('refuses the legacy SHA-1 form and anything not sha256= with 64 hex digits', () => {
    for (const signature of ['sha1=0123456789abcdef0123456789abcdef01234567', 'sha256=xyz', VECTOR.signature.slice(0, -1), `${VECTOR.signature}00`, VECTOR.signature.slice(7)]) {
      expect(isValidGitHubRequest({ secret: VECTOR.secret, body: VECTOR.body, signature }), signature).toBe(false);
    }
  });

  it('accepts the previous secret during a rotation, and only while it is given', () => {
    const signedWithPrevious = signGitHubRequest('the-old-secret', VECTOR.body);

    expect(isValidGitHubRequest({ secret: 'the-new-secret', additionalSecrets: ['the-old-secret'], body: VECTOR.body, signature: signedWithPrevious })).toBe(true);
    expect(isValidGitHubRequest({ secret: 'the-new-secret', body: VECTOR.body, signature: signedWithPrevious })).toBe(false);
  });
});
