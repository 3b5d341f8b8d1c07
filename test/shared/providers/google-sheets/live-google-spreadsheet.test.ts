import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { LiveGoogleSpreadsheet } from '../../../../shared/providers/google-sheets/live-google-spreadsheet';
import { parseServiceAccountKey } from '../../../../shared/providers/google-sheets/service-account-key';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { FakeGoogleSheetsApi } from '../../../support/fake-google-sheets-api';

const SPREADSHEET = '1TestSpreadsheetIdAbCdEfGhIjKlMnOpQrStUv';
const TAB = { spreadsheetId: SPREADSHEET, tab: 'Customer questions' };
const log = createLogger({ level: 'SILENT', runtime: 'local' });

describe('the live Google Sheets adapter (@googleapis/sheets against a fake Google)', () => {
  let google: FakeGoogleSheetsApi;
  let spreadsheet: LiveGoogleSpreadsheet;

  beforeAll(async () => {
    google = await FakeGoogleSheetsApi.start();
  });
  afterAll(async () => {
    await google.close();
  });
  beforeEach(() => {
    google.reset();
    google.addSpreadsheet(SPREADSHEET, 'Customer questions', ['Date', 'Customer', 'Question']);
    spreadsheet = new LiveGoogleSpreadsheet({
      key: parseServiceAccountKey(google.serviceAccountJson()),
      apiUrl: google.url,
      tokenUrl: google.tokenUrl,
      log,
      retries: { retry: 2, retryDelayMs: 5 },
      timeoutMs: 2_000,
    });
  });

  it('gets an access token with a JWT signed by the service account, and appends one RAW row with it', async () => {
    const appended = await spreadsheet.appendRow(TAB, ['2026-11-20 14:03', 'Acme Corp', '=HYPERLINK("x")']);

    const [token] = google.callsTo('token');
    expect(token?.claims).toMatchObject({ iss: google.clientEmail, aud: 'https://oauth2.googleapis.com/token', scope: 'https://www.googleapis.com/auth/spreadsheets' });
    const [append] = google.callsTo('values.append');
    expect(append).toMatchObject({
      method: 'POST',
      range: "'Customer questions'!A1",
      query: { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS', includeValuesInResponse: 'false' },
      body: { majorDimension: 'ROWS', values: [['2026-11-20 14:03', 'Acme Corp', '=HYPERLINK("x")']] },
      status: 200,
    });
    expect(append?.token).toMatch(/^ya29\./);
    expect(google.rows(SPREADSHEET, 'Customer questions')).toEqual([
      ['Date', 'Customer', 'Question'],
      ['2026-11-20 14:03', 'Acme Corp', '=HYPERLINK("x")'],
    ]);
    const gid = google.gidOf(SPREADSHEET, 'Customer questions');
    expect(appended).toEqual({ row: 2, url: `https://docs.google.com/spreadsheets/d/${SPREADSHEET}/edit#gid=${gid}&range=A2` });
  });

  it('reuses the access token and the tab id across calls', async () => {
    await spreadsheet.appendRow(TAB, ['a']);
    await spreadsheet.appendRow(TAB, ['b']);

    expect(google.callsTo('token')).toHaveLength(1);
    expect(google.callsTo('spreadsheets.get')).toHaveLength(1);
    expect(google.rows(SPREADSHEET, 'Customer questions').map((row) => row[0])).toEqual(['Date', 'a', 'b']);
  });

  it('reads the rows of a range as Google returns them, trailing empty cells left out', async () => {
    await spreadsheet.appendRow(TAB, ['x', '', 'question', '']);

    const rows = await spreadsheet.readRows(TAB, 'A:I');

    expect(rows).toEqual([
      ['Date', 'Customer', 'Question'],
      ['x', '', 'question'],
    ]);
    expect(google.callsTo('values.get')[0]).toMatchObject({ method: 'GET', range: "'Customer questions'!A:I", query: { majorDimension: 'ROWS', valueRenderOption: 'UNFORMATTED_VALUE' } });
  });

  it('retries a read that Google answered 503, and never retries an append by itself', async () => {
    google.script('values.get', { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } } });
    expect(await spreadsheet.readRows(TAB, 'A:C')).toHaveLength(1);

    google.script('values.append', { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } } });
    const failure = await spreadsheet.appendRow(TAB, ['a']).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ provider: 'google-sheets', operation: 'spreadsheets.values.append', transient: true, status: 503 });
    expect(google.callsTo('values.append')).toHaveLength(1);
    expect(google.rows(SPREADSHEET, 'Customer questions')).toHaveLength(1);
  });

  it('fails permanently for a tab that does not exist, naming it', async () => {
    const failure = await spreadsheet.appendRow({ spreadsheetId: SPREADSHEET, tab: 'Nope' }, ['a']).catch((error: unknown) => error);

    expect(failure).toMatchObject({ transient: false, status: 400 });
    expect(String((failure as Error).message)).toContain('INVALID_ARGUMENT');
  });

  it('fails permanently when the token endpoint refuses the key (signed by another key)', async () => {
    const impostor = new LiveGoogleSpreadsheet({
      key: parseServiceAccountKey(FakeGoogleSheetsApi.foreignServiceAccountJson(google.clientEmail)),
      apiUrl: google.url,
      tokenUrl: google.tokenUrl,
      log,
    });

    const failure = await impostor.appendRow(TAB, ['a']).catch((error: unknown) => error);

    expect(failure).toMatchObject({ transient: false, status: 400 });
    expect(google.callsTo('token')[0]?.status).toBe(400);
    expect(google.callsTo('values.append')).toHaveLength(0);
  });
});

describe('service-account key', () => {
  it('refuses what is not a key file, without echoing it', () => {
    expect(() => parseServiceAccountKey('not json secret-ish')).toThrow(/not JSON/);
    expect(() => parseServiceAccountKey('{"type":"service_account","client_email":"x"}')).toThrow(/client_email, private_key/);
    expect(() => parseServiceAccountKey('{"type":"service_account","client_email":"x"}')).not.toThrow(/"x"/);
  });
});
