import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsSpreadsheet } from '../../../shared/aws/aws-spreadsheet';
import { loadSecrets } from '../../../shared/aws/load-secrets';
import { createLogger } from '../../../shared/log/logger';
import { Outbox } from '../../../shared/providers/outbox';
import { ProviderError } from '../../../shared/providers/provider-error';
import { CREDENTIAL_NAMES } from '../../../shared/settings/secrets';
import { FakeGoogleSheetsApi } from '../../support/fake-google-sheets-api';
import { FakeSecretsManagerApi } from '../../support/fake-secrets-manager-api';
import { captureLogs } from '../../support/log-capture';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const SPREADSHEET = '1ExampleSpreadsheetIdAbCdEfGhIjKlMnOpQrSt';
const TAB = { spreadsheetId: SPREADSHEET, tab: 'Customer questions' };
let secretSequence = 0;

/**
 * Google Sheets on AWS: the credentials secret read from Secrets Manager (a fake, through Powertools and
 * the AWS SDK's client, as the Lambda reads it), then the adapter it makes, writing to a fake Sheets API.
 */
describe('Google Sheets on AWS, from the credentials secret', () => {
  let secretsManager: FakeSecretsManagerApi;
  let google: FakeGoogleSheetsApi;
  let outbox: Outbox;

  beforeAll(async () => {
    [secretsManager, google] = await Promise.all([FakeSecretsManagerApi.start(), FakeGoogleSheetsApi.start()]);
    // The SDK client Powertools creates reads its endpoint and credentials from the Lambda's environment.
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', secretsManager.endpoint);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([secretsManager.close(), google.close()]);
  });
  beforeEach(async () => {
    google.reset();
    google.addSpreadsheet(SPREADSHEET, TAB.tab, ['Date', 'Customer']);
    const clock = new ManualClock('2026-11-23T18:00:00Z');
    outbox = new Outbox(await createTestTable(clock), clock);
  });

  /** Stores the credentials secret (a fresh ARN each time: Powertools caches a secret for 5 minutes) and reads it back as the Lambda does. */
  async function credentialsSecret(value: Record<string, string>) {
    secretSequence += 1;
    const arn = `arn:aws:secretsmanager:us-east-1:123456789012:secret:switchboard-credentials-${secretSequence}-AbCdEf`;
    secretsManager.put(arn, JSON.stringify(value));
    const secrets = await loadSecrets(arn, CREDENTIAL_NAMES);
    expect(secretsManager.reads.at(-1)).toEqual({ secretId: arn, found: true });
    return secrets;
  }

  function sheetsFrom(secrets: Awaited<ReturnType<typeof credentialsSecret>>, dryRun = false) {
    return awsSpreadsheet({ secrets, dryRun, apiUrl: google.url, tokenUrl: google.tokenUrl, log: createLogger({ level: 'INFO', runtime: 'aws' }), outbox });
  }

  it("is live with the secret's service-account key: a row reaches the sheet with a token signed by that key", async () => {
    const sheets = sheetsFrom(await credentialsSecret({ GOOGLE_SERVICE_ACCOUNT_JSON: google.serviceAccountJson(), SLACK_BOT_TOKEN: 'xoxb-1' }));

    const appended = await sheets.appendRow(TAB, ['2026-11-23 10:00', 'Acme Corp']);

    expect(sheets.mode).toBe('live');
    expect(appended.row).toBe(2);
    expect(google.rows(SPREADSHEET, TAB.tab)).toEqual([
      ['Date', 'Customer'],
      ['2026-11-23 10:00', 'Acme Corp'],
    ]);
    expect(google.callsTo('token')).toEqual([expect.objectContaining({ status: 200, claims: expect.objectContaining({ iss: google.clientEmail }) })]);
    expect(google.callsTo('values.append')).toEqual([expect.objectContaining({ status: 200 })]);
  });

  it('logs a key that is not a service-account key, without its content, and fails each call permanently saying what to fix', async () => {
    const secrets = await credentialsSecret({ GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({ type: 'authorized_user', client_id: 'x', client_secret: 'do-not-log-me', refresh_token: 'nor-me' }) });
    const logs = captureLogs();
    let sheets;
    try {
      sheets = sheetsFrom(secrets);
    } finally {
      logs.restore();
    }

    const error = await sheets.appendRow(TAB, ['x']).catch((caught: unknown) => caught);

    expect(logs.lines()).toEqual([expect.objectContaining({ level: 'ERROR', message: 'GOOGLE_SERVICE_ACCOUNT_JSON is not a service-account key; Google Sheets cannot be written' })]);
    expect(logs.raw()).not.toContain('do-not-log-me');
    expect(logs.raw()).not.toContain('nor-me');
    expect(sheets.mode).toBe('live');
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ transient: false, message: expect.stringContaining('GOOGLE_SERVICE_ACCOUNT_JSON is not a service-account key file (check type') });
    expect(google.calls).toEqual([]);
  });

  it('fails each call permanently, saying what to set, when the secret holds no key', async () => {
    const sheets = sheetsFrom(await credentialsSecret({ SLACK_BOT_TOKEN: 'xoxb-1' }));

    const error = await sheets.readRows(TAB, 'A:H').catch((caught: unknown) => caught);

    expect(error).toMatchObject({ transient: false, message: expect.stringContaining('GOOGLE_SERVICE_ACCOUNT_JSON is not set in the Switchboard secret') });
    expect(google.calls).toEqual([]);
  });

  it('is dry-run when the stack lists google-sheets in DRY_RUN_PROVIDERS, key or not: the row goes to the outbox', async () => {
    const sheets = sheetsFrom(await credentialsSecret({ GOOGLE_SERVICE_ACCOUNT_JSON: google.serviceAccountJson() }), true);

    await sheets.appendRow(TAB, ['2026-11-23 10:00', 'Acme Corp']);

    expect(sheets.mode).toBe('dry-run');
    expect(await outbox.list({ provider: 'google-sheets' })).toHaveLength(1);
    expect(google.calls).toEqual([]);
  });
});
