import { describe, expect, it } from 'vitest';
import { readEnv, SettingsError } from '../../../shared/settings/read-env';

/** The SettingsError readEnv throws for an environment. */
function settingsErrorOf(env: Record<string, string>): SettingsError {
  try {
    readEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return error as SettingsError;
  }
  throw new Error('expected the environment to be refused');
}

describe('read env', () => {
  it('uses the defaults for an empty environment', () => {
    expect(readEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicBaseUrl: undefined,
      dynamoEndpoint: undefined,
      dataDir: '.switchboard',
      tableName: 'switchboard',
      startAt: undefined,
      logLevel: 'INFO',
      logFormat: undefined,
      apiUrls: { slack: undefined, github: undefined, twilio: undefined, salesforce: undefined, unthread: undefined, googleSheets: undefined, googleOAuthToken: undefined },
    });
  });

  it('reads every setting from its variable', () => {
    const settings = readEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_BASE_URL: 'https://switchboard.example.com',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      SWITCHBOARD_DATA_DIR: '/var/lib/switchboard',
      SWITCHBOARD_TABLE: 'switchboard-test',
      SWITCHBOARD_NOW: '2026-11-22T10:00:00-08:00',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      SLACK_API_URL: 'http://127.0.0.1:9001/api/',
      GITHUB_API_URL: 'https://github.example.com/api/v3',
      TWILIO_API_URL: 'http://127.0.0.1:9002',
      SALESFORCE_INSTANCE_URL: 'https://example.my.salesforce.com',
      UNTHREAD_API_URL: 'http://127.0.0.1:9003',
      GOOGLE_SHEETS_API_URL: 'http://127.0.0.1:9004/',
      GOOGLE_OAUTH_TOKEN_URL: 'http://127.0.0.1:9004/token',
    });

    expect(settings).toEqual({
      port: 8080,
      host: '0.0.0.0',
      publicBaseUrl: 'https://switchboard.example.com',
      dynamoEndpoint: 'http://127.0.0.1:4567',
      dataDir: '/var/lib/switchboard',
      tableName: 'switchboard-test',
      startAt: new Date('2026-11-22T18:00:00.000Z'),
      logLevel: 'DEBUG',
      logFormat: 'pretty',
      apiUrls: {
        slack: 'http://127.0.0.1:9001/api/',
        github: 'https://github.example.com/api/v3',
        twilio: 'http://127.0.0.1:9002',
        salesforce: 'https://example.my.salesforce.com',
        unthread: 'http://127.0.0.1:9003',
        googleSheets: 'http://127.0.0.1:9004/',
        googleOAuthToken: 'http://127.0.0.1:9004/token',
      },
    });
  });

  it('treats blank variables as unset', () => {
    const settings = readEnv({ PORT: '', SWITCHBOARD_TABLE: '   ', LOG_LEVEL: ' ', SWITCHBOARD_NOW: '', PUBLIC_BASE_URL: '' });

    expect(settings).toMatchObject({ port: 3000, tableName: 'switchboard', logLevel: 'INFO', startAt: undefined, publicBaseUrl: undefined });
  });

  it('ignores variables it does not know', () => {
    expect(readEnv({ HOME: '/root', SLACK_BOT_TOKEN: 'xoxb-1' }).port).toBe(3000);
  });

  it('accepts port 0, meaning any free port', () => {
    expect(readEnv({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    ['PORT', 'not-a-port-4471'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['SWITCHBOARD_NOW', 'next tuesday 4471'],
    ['SWITCHBOARD_NOW', '2031-01-15'],
    ['PUBLIC_BASE_URL', 'switchboard.example.com/4471'],
    ['DYNAMODB_ENDPOINT', 'ftp://127.0.0.1:4471'],
    ['SLACK_API_URL', 'not a url 4471'],
    ['LOG_LEVEL', 'chatty4471'],
    ['SWITCHBOARD_TABLE', 'no spaces 4471'],
  ])('refuses a bad %s (%s), naming the variable without echoing its value', (name, value) => {
    const error = settingsErrorOf({ [name]: value });

    expect(error.message).toContain(name);
    expect(error.message).not.toContain(value);
    expect(error.message).not.toContain('4471');
    expect(String((error.cause as Error | undefined)?.message), 'the cause').not.toContain(value);
  });

  it('names each bad variable when there are several', () => {
    const error = settingsErrorOf({ PORT: 'x', LOG_LEVEL: 'y' });

    expect(error.message).toContain('PORT');
    expect(error.message).toContain('LOG_LEVEL');
  });
});
