import { describe, expect, it } from 'vitest';
import { isTransient } from '../../../shared/automation/is-transient';
import { EffectInProgressError } from '../../../shared/idempotency/side-effect-ledger';
import { ProviderError } from '../../../shared/providers/provider-error';
import { ConditionFailedError } from '../../../shared/store/store-errors';

/** An error shaped like the AWS SDK's service and network errors. */
function sdkError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error('aws sdk failure'), fields);
}

describe('isTransient', () => {
  it('follows a provider error’s own verdict', () => {
    expect(isTransient(new ProviderError('slack', 'chat.postMessage', true, 'HTTP 503', { status: 503 }))).toBe(true);
    expect(isTransient(new ProviderError('slack', 'chat.postMessage', false, 'channel_not_found', { code: 'channel_not_found' }))).toBe(false);
  });

  it('trusts a permanent provider error even when its cause looks transient', () => {
    const cause = sdkError({ code: 'ECONNRESET' });

    expect(isTransient(new ProviderError('slack', 'chat.postMessage', false, 'invalid_auth', { cause }))).toBe(false);
  });

  it('retries a side effect that another attempt still holds', () => {
    expect(isTransient(new EffectInProgressError('slack.post:C1:1'))).toBe(true);
  });

  it('retries a lost conditional write', () => {
    expect(isTransient(new ConditionFailedError('conditional write did not apply'))).toBe(true);
  });

  it('retries an AWS SDK error the SDK marks as retryable', () => {
    expect(isTransient(sdkError({ $retryable: { throttling: true } }))).toBe(true);
  });

  it('retries an AWS service error with a 5xx status', () => {
    expect(isTransient(sdkError({ $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isTransient(sdkError({ $metadata: { httpStatusCode: 500 } }))).toBe(true);
  });

  it('does not retry an AWS service error with a 4xx status', () => {
    expect(isTransient(sdkError({ $metadata: { httpStatusCode: 400 } }))).toBe(false);
  });

  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET'])('retries a network failure with code %s', (code) => {
    expect(isTransient(sdkError({ code }))).toBe(true);
  });

  it('does not retry an error with another code', () => {
    expect(isTransient(sdkError({ code: 'ENOENT' }))).toBe(false);
  });

  it('looks through nested causes', () => {
    const network = sdkError({ code: 'ECONNRESET' });
    const wrapped = new Error('fetch failed', { cause: new Error('socket hang up', { cause: network }) });

    expect(isTransient(wrapped)).toBe(true);
  });

  it('does not retry a plain error, or one whose causes are plain', () => {
    expect(isTransient(new Error('bug'))).toBe(false);
    expect(isTransient(new Error('bug', { cause: new TypeError('undefined is not a function') }))).toBe(false);
  });

  it('does not retry what is not an error object', () => {
    expect(isTransient('ECONNRESET')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
    expect(isTransient(null)).toBe(false);
  });

  it('stops at an error that is its own cause', () => {
    const loop = new Error('loop');
    (loop as { cause?: unknown }).cause = loop;

    expect(isTransient(loop)).toBe(false);
  });

  it('stops at a cycle of causes instead of overflowing the stack', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isTransient(a)).toBe(false);
  });
});
