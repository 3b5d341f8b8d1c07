import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { LiveSalesforce } from '../../../../shared/providers/salesforce/live-salesforce';
import { FakeSalesforceApi, salesforceAnswers } from '../../../support/fake-salesforce-api';

const FIELD = 'GitHub_label__c';
const log = createLogger({ level: 'SILENT', runtime: 'local' });

describe('the Salesforce adapter, through jsforce against a fake Salesforce', () => {
  let fake: FakeSalesforceApi;
  let salesforce: LiveSalesforce;

  beforeEach(async () => {
    fake = await FakeSalesforceApi.start({ pageSize: 2 });
    salesforce = new LiveSalesforce({
      credentials: { loginUrl: fake.url, clientId: fake.clientId, clientSecret: fake.clientSecret },
      log,
      tuning: { retries: 2, retryBaseMs: 1, timeoutMs: 2_000 },
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('obtains one token with the client-credentials flow and calls the token answer\'s instance at an explicit API version', async () => {
    fake.seedAccount({ name: 'Globex', labels: 'customer-blue-heron' });

    const first = await salesforce.findAccountsByName('Globex', FIELD);
    const second = await salesforce.findAccountsByName('Initech', FIELD);

    expect(first).toEqual([expect.objectContaining({ name: 'Globex', labels: 'customer-blue-heron' })]);
    expect(second).toEqual([]);
    const tokens = fake.callsTo('token');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.body).toEqual({ grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret });
    expect(fake.callsTo('query').map((call) => call.path)).toEqual(['/services/data/v62.0/query', '/services/data/v62.0/query']);
    expect(fake.callsTo('query').every((call) => call.authorization?.startsWith('Bearer 00D'))).toBe(true);
  });

  it.each(["Bob's BBQ", 'ends with a backslash\\', "x' OR Name != '", '100% Pure_Water', 'two\nlines'])('finds exactly the Account named %j, and no other', async (name) => {
    const wanted = fake.seedAccount({ name });
    fake.seedAccount({ name: "Bob's BBQ Franchise" });
    fake.seedAccount({ name: '100X PureAWater' });
    fake.seedAccount({ name: 'x' });

    const found = await salesforce.findAccountsByName(name, FIELD);

    expect(found.map((account) => account.id)).toEqual([wanted]);
    expect(fake.succeeded('query')).toHaveLength(1);
  });

  it('renews an expired token once, and the call succeeds', async () => {
    fake.seedAccount({ name: 'Globex' });
    await salesforce.findAccountsByName('Globex', FIELD);
    fake.expireTokens();

    const found = await salesforce.findAccountsByName('Globex', FIELD);

    expect(found).toHaveLength(1);
    expect(fake.callsTo('token')).toHaveLength(2);
    expect(fake.callsTo('query').map((call) => call.status)).toEqual([200, 401, 200]);
  });

  it('fails permanently, without looping, when a fresh token is refused too', async () => {
    fake.seedAccount({ name: 'Globex' });
    await salesforce.findAccountsByName('Globex', FIELD);
    fake.script('query', salesforceAnswers.sessionExpired(), salesforceAnswers.sessionExpired());

    const failure = await salesforce.findAccountsByName('Globex', FIELD).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ProviderError);
    expect((failure as ProviderError).transient).toBe(false);
    expect((failure as ProviderError).message).toContain('refused a freshly issued access token');
    expect(fake.callsTo('token')).toHaveLength(2);

    // Once Salesforce accepts tokens again (the run-as user fixed), the next call renews and succeeds.
    fake.script('query', salesforceAnswers.sessionExpired());
    expect(await salesforce.findAccountsByName('Globex', FIELD)).toHaveLength(1);
    expect(fake.callsTo('token')).toHaveLength(3);
  });

  it('retries a 503 and succeeds; a 503 that lasts is a transient failure', async () => {
    fake.seedAccount({ name: 'Globex' });
    fake.script('query', salesforceAnswers.serverUnavailable());

    expect(await salesforce.findAccountsByName('Globex', FIELD)).toHaveLength(1);
    fake.script('query', ...Array.from({ length: 3 }, () => salesforceAnswers.serverUnavailable()));
    const failure = (await salesforce.findAccountsByName('Globex', FIELD).catch((error: unknown) => error)) as ProviderError;

    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ transient: true, status: 503, code: 'SERVER_UNAVAILABLE' });
  });

  it('says which secrets to check when the connected app is refused, and never retries it', async () => {
    const wrong = new LiveSalesforce({ credentials: { loginUrl: fake.url, clientId: fake.clientId, clientSecret: 'wrong' }, log, tuning: { retryBaseMs: 1 } });

    const failure = (await wrong.findAccountsByName('Globex', FIELD).catch((error: unknown) => error)) as ProviderError;

    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure.transient).toBe(false);
    expect(failure.message).toContain('invalid_client: check SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET');
    expect(fake.callsTo('query')).toEqual([]);
  });

  it('reads every page of the labelled Accounts', async () => {
    for (const n of [1, 2, 3, 4, 5]) fake.seedAccount({ name: `Customer ${n}`, labels: `customer-${n}` });
    fake.seedAccount({ name: 'No label' });

    const accounts = await salesforce.listAccountsWithLabels(FIELD);

    expect(accounts.map((account) => account.labels)).toEqual(['customer-1', 'customer-2', 'customer-3', 'customer-4', 'customer-5']);
    expect(fake.callsTo('query.more')).toHaveLength(2);
  });

  it('updates the field on condition that the Account did not change since it was read, and reports when it did', async () => {
    const id = fake.seedAccount({ name: 'Globex', labels: 'customer-a' });
    const [account] = await salesforce.findAccountsByName('Globex', FIELD);

    fake.editAccount(id, 'customer-a;customer-b');
    const refused = await salesforce.updateAccountLabels(account!, FIELD, 'customer-a;customer-c');
    const reread = await salesforce.getAccount(id, FIELD);
    const accepted = await salesforce.updateAccountLabels(reread!, FIELD, 'customer-a;customer-b;customer-c');

    expect(refused).toEqual({ updated: false, reason: 'changed-meanwhile' });
    expect(accepted).toEqual({ updated: true });
    expect(fake.labelsOf(id)).toBe('customer-a;customer-b;customer-c');
    const updates = fake.callsTo('sobject.update');
    expect(updates.map((call) => call.status)).toEqual([412, 204]);
    expect(updates[1]).toMatchObject({ method: 'PATCH', path: `/services/data/v62.0/sobjects/Account/${id}`, body: { GitHub_label__c: 'customer-a;customer-b;customer-c' } });
    expect(updates[1]?.headers['if-unmodified-since']).toBe(new Date(reread!.lastModifiedAt).toUTCString());
  });

  it("calls SALESFORCE_INSTANCE_URL instead of the token answer's instance when it is set", async () => {
    const instance = await FakeSalesforceApi.start({ tokens: fake.acceptedTokens });
    try {
      instance.seedAccount({ name: 'Globex' });
      const sandbox = new LiveSalesforce({ credentials: { loginUrl: fake.url, clientId: fake.clientId, clientSecret: fake.clientSecret }, instanceUrl: `${instance.url}/`, log });

      const found = await sandbox.findAccountsByName('Globex', FIELD);

      expect(found).toHaveLength(1);
      expect(fake.callsTo('token')).toHaveLength(1);
      expect(fake.callsTo('query')).toEqual([]);
      expect(instance.callsTo('query')).toHaveLength(1);
      expect(await sandbox.accountUrl(found[0]!.id)).toBe(`${instance.url}/lightning/r/Account/${found[0]!.id}/view`);
    } finally {
      await instance.close();
    }
  });

  it('keeps the query and the names out of its errors', async () => {
    fake.script('query', { status: 400, body: [{ message: "unexpected token: 'Globex Secret'", errorCode: 'MALFORMED_QUERY' }] });

    const failure = (await salesforce.findAccountsByName('Globex Secret', FIELD).catch((error: unknown) => error)) as ProviderError;

    expect(failure).toMatchObject({ transient: false, status: 400, code: 'MALFORMED_QUERY' });
    expect(failure.message).not.toContain('Globex');
  });
});
