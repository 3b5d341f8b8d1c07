import { describe, expect, it } from 'vitest';
import { readSecrets, SECRET_NAMES } from '../../../shared/settings/secrets';

describe('read secrets', () => {
  it('keeps the known secret names and drops the rest', () => {
    const secrets = readSecrets({ SLACK_BOT_TOKEN: 'xoxb-123', GITHUB_TOKEN: 'ghp_456', HOME: '/root', PATH: '/usr/bin', slack_bot_token: 'lowercase' });

    expect(secrets).toEqual({ SLACK_BOT_TOKEN: 'xoxb-123', GITHUB_TOKEN: 'ghp_456' });
  });

  it('trims the values', () => {
    expect(readSecrets({ SLACK_SIGNING_SECRET: '  abc123\n' })).toEqual({ SLACK_SIGNING_SECRET: 'abc123' });
  });

  it('drops blank values', () => {
    expect(readSecrets({ SLACK_BOT_TOKEN: '', GITHUB_TOKEN: '   ', TWILIO_AUTH_TOKEN: undefined })).toEqual({});
  });

  it('drops values that are not strings, as a parsed JSON secret may hold', () => {
    expect(readSecrets({ SALESFORCE_ORG_ID: 12345, UNTHREAD_API_KEY: { nested: 'x' }, CONTACT_FORM_SECRET: null })).toEqual({});
  });

  it('reads every name of the specification', () => {
    const source = Object.fromEntries(SECRET_NAMES.map((name) => [name, `value-of-${name}`]));

    const secrets = readSecrets(source);

    expect(Object.keys(secrets).sort()).toEqual(
      [
        'SLACK_SIGNING_SECRET',
        'SLACK_BOT_TOKEN',
        'GITHUB_WEBHOOK_SECRET',
        'GITHUB_WEBHOOK_SECRET_PREVIOUS',
        'GITHUB_TOKEN',
        'GITHUB_APP_ID',
        'GITHUB_APP_PRIVATE_KEY',
        'TWILIO_ACCOUNT_SID',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_FROM_NUMBER',
        'SALESFORCE_LOGIN_URL',
        'SALESFORCE_CLIENT_ID',
        'SALESFORCE_CLIENT_SECRET',
        'SALESFORCE_ORG_ID',
        'SALESFORCE_OUTBOUND_TOKEN',
        'UNTHREAD_API_KEY',
        'UNTHREAD_WEBHOOK_SECRET',
        'CONTACT_FORM_SECRET',
        'GOOGLE_SERVICE_ACCOUNT_JSON',
      ].sort(),
    );
    expect(secrets.TWILIO_FROM_NUMBER).toBe('value-of-TWILIO_FROM_NUMBER');
  });
});
