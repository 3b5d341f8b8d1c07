import { describe, expect, it } from 'vitest';
import { trustedResponseUrl } from '../../../../functions/ingest/slack/trusted-response-url';

describe("a shortcut's response URL", () => {
  it("is kept when it is one of Slack's", () => {
    expect(trustedResponseUrl('https://hooks.slack.com/app/T0EXAMPLE1/8123456789012/AbCdEfGhIjKlMnOpQrStUvWx')).toBe(
      'https://hooks.slack.com/app/T0EXAMPLE1/8123456789012/AbCdEfGhIjKlMnOpQrStUvWx',
    );
  });

  it.each([
    ['another host', 'https://hooks.slack.com.evil.example/app/T0/1/x'],
    ['plain http', 'http://hooks.slack.com/app/T0/1/x'],
    ['credentials before the host', 'https://hooks.slack.com@evil.example/app/T0/1/x'],
    ['a port of its own', 'https://hooks.slack.com:8443/app/T0/1/x'],
    ['the metadata endpoint', 'http://169.254.169.254/latest/meta-data/'],
    ['not a URL', 'hooks.slack.com/app/T0/1/x'],
    ['a URL far longer than Slack gives', `https://hooks.slack.com/app/T0/1/${'x'.repeat(600)}`],
  ])('is dropped when it names %s', (_case, value) => {
    expect(trustedResponseUrl(value)).toBeUndefined();
  });

  it('is kept under the configured override (a fake Slack in tests), and only there', () => {
    expect(trustedResponseUrl('http://127.0.0.1:4100/hooks/app/T0/1/x', 'http://127.0.0.1:4100/hooks/')).toBe('http://127.0.0.1:4100/hooks/app/T0/1/x');
    expect(trustedResponseUrl('http://127.0.0.1:4101/hooks/app/T0/1/x', 'http://127.0.0.1:4100/hooks/')).toBeUndefined();
  });

  it('is absent when the payload carries none', () => {
    expect(trustedResponseUrl(undefined)).toBeUndefined();
  });
});
