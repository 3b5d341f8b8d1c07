import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidUnthreadRequest, signUnthreadRequest, UnthreadSignatureError, verifyUnthreadRequest } from '../../../../functions/ingest/unthread/verify-unthread-request';
import { unthreadFixture } from '../../../support/unthread-webhooks';

const SECRET = 'unthread-signing-secret';
const BODY = JSON.stringify(unthreadFixture('conversation-updated'));

function failure(signature: string | undefined, body: string = BODY): string {
  try {
    verifyUnthreadRequest({ signingSecret: SECRET, body, signature });
  } catch (error) {
    expect(error).toBeInstanceOf(UnthreadSignatureError);
    return (error as Error).message;
  }
  throw new Error('expected the request to be refused');
}

describe('Unthread webhook verification', () => {
  it('accepts the hex HMAC-SHA256 of the raw body keyed with the signing secret, in either case', () => {
    const signature = createHmac('sha256', SECRET).update(BODY).digest('hex');

    expect(signUnthreadRequest(SECRET, BODY)).toBe(signature);
    expect(isValidUnthreadRequest({ signingSecret: SECRET, body: Buffer.from(BODY), signature })).toBe(true);
    expect(isValidUnthreadRequest({ signingSecret: SECRET, body: BODY, signature: signature.toUpperCase() })).toBe(true);
  });

  it('refuses a missing signature', () => {
    expect(failure(undefined)).toContain('header x-unthread-signature is missing');
  });

  it('refuses a signature that is not 64 hex digits', () => {
    expect(failure('sha256=abc')).toContain('64 hex digits');
  });

  it('refuses the signature of another body, or of the same body re-serialised', () => {
    expect(failure(signUnthreadRequest(SECRET, `${BODY}\n`))).toContain('signature does not match');
    expect(failure(signUnthreadRequest(SECRET, JSON.stringify(JSON.parse(BODY), null, 2)))).toContain('signature does not match');
  });

  it('refuses a signature made with another secret, and accepts one still being rotated out', () => {
    const old = signUnthreadRequest('old-secret', BODY);

    expect(failure(old)).toContain('signature does not match');
    expect(isValidUnthreadRequest({ signingSecret: SECRET, additionalSecrets: ['old-secret'], body: BODY, signature: old })).toBe(true);
  });
});
