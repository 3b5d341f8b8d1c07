import { describe, expect, it } from 'vitest';
import { isValidSlackRequest, signSlackRequest, SlackSignatureError, verifySlackRequest } from '../../../../functions/ingest/slack/verify-slack-request';

// Slack's published example ("Verifying requests from Slack").
const VECTOR = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const AT_VECTOR_TIME = 1531420618 * 1000 + 30_000;

function options(overrides: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) {
  return {
    signingSecret: VECTOR.signingSecret,
    body: VECTOR.body,
    headers: { 'x-slack-signature': VECTOR.signature, 'x-slack-request-timestamp': VECTOR.timestamp },
    nowMilliseconds: AT_VECTOR_TIME,
    ...overrides,
  };
}

describe('Slack request verification', () => {
  it("accepts Slack's published test vector", () => {
    expect(() => verifySlackRequest(options())).not.toThrow();
    expect(isValidSlackRequest(options())).toBe(true);
  });

  it("reproduces Slack's published signature", () => {
    expect(signSlackRequest(VECTOR.signingSecret, Number(VECTOR.timestamp), VECTOR.body)).toBe(VECTOR.signature);
  });

  it('verifies the raw bytes, whatever their encoding', () => {
    const body = Buffer.from('{"text":"café ☕"}', 'utf8');
    const signature = signSlackRequest('s3cret', 1_700_000_000, body);
    expect(isValidSlackRequest({ signingSecret: 's3cret', body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': '1700000000' }, nowMilliseconds: 1_700_000_000_000 })).toBe(true);
  });

  it.each([
    ['a missing signature', { headers: { 'x-slack-request-timestamp': VECTOR.timestamp } }, 'x-slack-signature is missing'],
    ['a missing timestamp', { headers: { 'x-slack-signature': VECTOR.signature } }, 'x-slack-request-timestamp is missing'],
    ['a timestamp that is not a number', { headers: { 'x-slack-signature': VECTOR.signature, 'x-slack-request-timestamp': '12:00' } }, 'not a Unix time'],
    ['a stale timestamp', { nowMilliseconds: AT_VECTOR_TIME + 5 * 60_000 }, 'more than 5 minutes'],
    ['a tampered body', { body: VECTOR.body.replace('roadrunner', 'coyote') }, 'signature does not match'],
    ['a wrong secret', { signingSecret: 'not-the-secret' }, 'signature does not match'],
    ['a truncated signature', { headers: { 'x-slack-signature': VECTOR.signature.slice(0, -2), 'x-slack-request-timestamp': VECTOR.timestamp } }, 'signature does not match'],
  ])('refuses %s', (_case, overrides, reason) => {
    expect(() => verifySlackRequest(options(overrides))).toThrow(SlackSignatureError);
    expect(() => verifySlackRequest(options(overrides))).toThrow(reason);
    expect(isValidSlackRequest(options(overrides))).toBe(false);
  });

  it('accepts a previous secret while rotating', () => {
    expect(isValidSlackRequest(options({ signingSecret: 'the-new-secret', additionalSecrets: [VECTOR.signingSecret] }))).toBe(true);
  });
});
