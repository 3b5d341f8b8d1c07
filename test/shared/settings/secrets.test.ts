import { describe, expect, it } from 'vitest';
import { CREDENTIAL_NAMES, readSecrets, SECRET_NAMES, WEBHOOK_SECRET_NAMES } from '../../../shared/settings/secrets';

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

  it("takes a JSON-valued secret written as an object in the secret's JSON as that object's JSON text", () => {
    const key = { type: 'service_account', client_email: 'switchboard@example.iam.gserviceaccount.com', private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' };

    expect(readSecrets({ GOOGLE_SERVICE_ACCOUNT_JSON: key })).toEqual({ GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(key) });
    expect(readSecrets({ GOOGLE_SERVICE_ACCOUNT_JSON: ['not', 'a', 'key'] })).toEqual({});
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

  it('reads only the names asked for: a key put in the wrong secret is not read', () => {
    expect(readSecrets({ SLACK_SIGNING_SECRET: 'sign', SLACK_BOT_TOKEN: 'xoxb-1' }, WEBHOOK_SECRET_NAMES)).toEqual({ SLACK_SIGNING_SECRET: 'sign' });
  });
});

describe('the two secrets on AWS: webhook signing secrets apart from provider credentials', () => {
  it('puts every name in one of them, and only TWILIO_AUTH_TOKEN (it verifies and it sends) in both', () => {
    const both = WEBHOOK_SECRET_NAMES.filter((name) => CREDENTIAL_NAMES.includes(name));

    expect(both).toEqual(['TWILIO_AUTH_TOKEN']);
    expect(new Set([...WEBHOOK_SECRET_NAMES, ...CREDENTIAL_NAMES])).toEqual(new Set(SECRET_NAMES));
  });

  it('keeps every provider credential out of the webhook secret that ingest reads', () => {
    for (const credential of ['SLACK_BOT_TOKEN', 'GITHUB_TOKEN', 'GITHUB_APP_PRIVATE_KEY', 'TWILIO_ACCOUNT_SID', 'SALESFORCE_CLIENT_SECRET', 'UNTHREAD_API_KEY', 'GOOGLE_SERVICE_ACCOUNT_JSON'] as const) {
      expect(WEBHOOK_SECRET_NAMES as readonly string[], credential).not.toContain(credential);
    }
  });

  it('keeps the signing secrets no automation needs out of the credentials secret', () => {
    for (const signing of ['SLACK_SIGNING_SECRET', 'GITHUB_WEBHOOK_SECRET', 'GITHUB_WEBHOOK_SECRET_PREVIOUS', 'CONTACT_FORM_SECRET', 'UNTHREAD_WEBHOOK_SECRET', 'SALESFORCE_OUTBOUND_TOKEN'] as const) {
      expect(CREDENTIAL_NAMES, signing).not.toContain(signing);
    }
  });
});
