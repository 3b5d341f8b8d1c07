import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createLogger, REDACTED, redactSensitive } from '../../../shared/log/logger';

/** Captures what the logger writes to stdout and stderr, one parsed JSON object per line. */
function captureOutput() {
  const chunks: string[] = [];
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const spies: MockInstance[] = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write),
  ];
  return {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    raw: () => chunks.join(''),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

describe('logger', () => {
  let output: ReturnType<typeof captureOutput>;

  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => {
    output.restore();
  });

  it('writes one JSON line with the message, the level, the service and the runtime', () => {
    const log = createLogger({ level: 'INFO', runtime: 'local' });

    log.info('run finished', { runId: 'after-hours:Ev001', status: 'succeeded' });

    expect(output.lines()).toEqual([
      expect.objectContaining({ message: 'run finished', level: 'INFO', service: 'switchboard', runtime: 'local', runId: 'after-hours:Ev001', status: 'succeeded' }),
    ]);
  });

  it('redacts secrets and personal data at any depth and keeps ids', () => {
    const log = createLogger({ level: 'INFO', runtime: 'aws' });

    log.info('sending', {
      runId: 'paging:Ev001',
      token: 'xoxb-secret-1',
      request: {
        channel: 'C0ACMEPROD',
        text: 'Our production cluster is down',
        headers: { Authorization: 'Bearer xoxb-secret-2', 'X-Slack-Signature': 'v0=abc' },
        sms: { to: '+15555550100', from: '+15555550199', body: 'Reply ACK 4821', messageSid: 'SM123' },
        applicant: { emailAddress: 'ann@example.com', firstName: 'Ann', phoneNumber: '+15555550123' },
      },
      recipients: [{ email: 'bob@example.com', userId: 'U0BOB' }],
      signingSecret: 'shh',
      clientSecret: 'shh too',
      password: 'hunter2',
      excerpt: 'customer words',
      value: 'button value',
      label: { name: 'customer-blue-heron', description: 'Globex Corporation' },
      customerName: 'Globex Corporation',
    });

    const [line] = output.lines();
    expect(line).toMatchObject({
      message: 'sending',
      runId: 'paging:Ev001',
      token: REDACTED,
      request: {
        channel: 'C0ACMEPROD',
        text: REDACTED,
        headers: { Authorization: REDACTED, 'X-Slack-Signature': REDACTED },
        sms: { to: REDACTED, from: REDACTED, body: REDACTED, messageSid: 'SM123' },
        // An applicant's name is personal data too (job applications).
        applicant: REDACTED,
      },
      recipients: [{ email: REDACTED, userId: 'U0BOB' }],
      signingSecret: REDACTED,
      clientSecret: REDACTED,
      password: REDACTED,
      excerpt: REDACTED,
      value: REDACTED,
      label: { name: 'customer-blue-heron', description: REDACTED },
      customerName: REDACTED,
    });
    for (const leaked of ['xoxb-secret', 'Our production', '+1555555', 'ann@example.com', '"Ann"', 'bob@example.com', 'hunter2', 'ACK 4821', 'shh', 'Globex']) {
      expect(output.raw(), leaked).not.toContain(leaked);
    }
  });

  it('never redacts the message itself', () => {
    const log = createLogger({ level: 'INFO', runtime: 'local' });

    log.info('token rotated: the secret, phone and email settings were reloaded');

    expect(output.lines()[0]?.message).toBe('token rotated: the secret, phone and email settings were reloaded');
  });

  it('redacts in error lines', () => {
    const log = createLogger({ level: 'INFO', runtime: 'local' });

    log.error('run failed', { runId: 'paging:Ev001', error: { name: 'ProviderError', token: 'xoxb-secret-3' } });

    expect(output.lines()).toEqual([expect.objectContaining({ level: 'ERROR', runId: 'paging:Ev001', error: { name: 'ProviderError', token: REDACTED } })]);
    expect(output.raw()).not.toContain('xoxb-secret-3');
  });

  it('redacts in the lines of a child logger, as runs log through one', () => {
    const log = createLogger({ level: 'INFO', runtime: 'local' }).child({ runId: 'after-hours:Ev001' });

    log.info('step', { step: 'post notice', text: 'customer words' });

    expect(output.lines()).toEqual([expect.objectContaining({ runId: 'after-hours:Ev001', step: 'post notice', text: REDACTED })]);
  });

  it('keeps absent values absent rather than writing a redaction marker', () => {
    const log = createLogger({ level: 'INFO', runtime: 'local' });

    log.info('sending', { to: null, token: undefined, runId: 'r1' });

    const [line] = output.lines();
    expect(line).toMatchObject({ runId: 'r1' });
    expect(line?.['to'] ?? null).toBeNull();
    expect(line).not.toHaveProperty('token');
  });

  it('writes nothing below its level, and nothing at all when SILENT', () => {
    createLogger({ level: 'WARN', runtime: 'local' }).info('not shown');
    createLogger({ level: 'SILENT', runtime: 'local' }).error('not shown either');

    expect(output.raw()).toBe('');
  });
});

describe('redactSensitive', () => {
  it('redacts by key name, case-insensitively, and leaves other keys alone', () => {
    expect(redactSensitive('SLACK_BOT_TOKEN', 'xoxb-1')).toBe(REDACTED);
    expect(redactSensitive('Cookie', 'session=1')).toBe(REDACTED);
    expect(redactSensitive('eventId', 'Ev001')).toBe('Ev001');
    expect(redactSensitive('subtext', 'kept')).toBe('kept');
    expect(redactSensitive('event_context', 'kept')).toBe('kept');
    expect(redactSensitive('messageText', 'hello')).toBe(REDACTED);
    expect(redactSensitive('sms_body', 'hello')).toBe(REDACTED);
    expect(redactSensitive('requestBody', '{}')).toBe(REDACTED);
    expect(redactSensitive('firstName', 'Ada')).toBe(REDACTED);
    expect(redactSensitive('lastName', 'Lovelace')).toBe(REDACTED);
    expect(redactSensitive('emailAddress', 'ada@example.org')).toBe(REDACTED);
    expect(redactSensitive('onBehalfOf', { name: 'Ada Lovelace' })).toBe(REDACTED);
    expect(redactSensitive('linkedinProfileUrl', 'https://www.linkedin.com/in/ada')).toBe(REDACTED);
    // A shortcut's response URL answers the person for 30 minutes: a credential of sorts.
    expect(redactSensitive('responseUrl', 'https://hooks.slack.com/app/T0/1/x')).toBe(REDACTED);
    expect(redactSensitive('response_url', 'https://hooks.slack.com/app/T0/1/x')).toBe(REDACTED);
    expect(redactSensitive('permalink', 'https://example.slack.com/archives/C0/p1')).toBe('https://example.slack.com/archives/C0/p1');
    expect(redactSensitive('', { token: 'x' })).toEqual({ token: 'x' });
  });
});
