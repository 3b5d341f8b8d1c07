import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { LabelExistsError } from '../../../../shared/providers/github/github-errors';
import { LiveGitHub, type GitHubTuning } from '../../../../shared/providers/github/live-github';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { FakeGitHubApi, githubAnswers } from '../../../support/fake-github-api';

const TOKEN = 'ghp_testtoken0123456789';
const PRODUCT = { owner: 'example-org', name: 'product' };
const CONFIDENTIAL = { owner: 'example-org', name: 'product-confidential' };
/** Retries and waits shortened (a retry-after of 1 s waits 1 ms), never removed. */
const TUNING: GitHubTuning = { retryAfterBaseMs: 1, writeSpacingMs: 0, timeoutMs: 2_000 };
const log = createLogger({ level: 'SILENT', runtime: 'local' });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the live GitHub adapter, through octokit against a fake GitHub', () => {
  let fake: FakeGitHubApi;
  let github: LiveGitHub;

  beforeEach(async () => {
    fake = await FakeGitHubApi.start({ token: TOKEN, repositories: ['example-org/product', 'example-org/product-confidential'] });
    github = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: fake.url, log, tuning: TUNING });
  });
  afterEach(async () => {
    await fake.close();
  });

  describe('issue labels', () => {
    it('removes a label with one DELETE, its name encoded, authenticated by the token', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['bug', '+more info please'] });

      const result = await github.removeIssueLabel(PRODUCT, 7, '+more info please');

      expect(result).toEqual({ removed: true });
      const [call] = fake.callsTo('issues/remove-label');
      expect(call?.method).toBe('DELETE');
      expect(call?.params).toMatchObject({ owner: 'example-org', repo: 'product', issue_number: '7', name: '+more info please' });
      expect(call?.authorization).toBe(`token ${TOKEN}`);
      expect(fake.issueLabels('example-org/product', 7)).toEqual(['bug']);
    });

    it('takes a 404 for a label that is already gone as success', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['bug'] });

      const result = await github.removeIssueLabel(PRODUCT, 7, '+more info please');

      expect(result).toEqual({ removed: false });
      expect(fake.callsTo('issues/remove-label')[0]?.answer.status).toBe(404);
    });

    it('waits out a secondary rate limit (403 with retry-after) and removes the label once', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+more info please'] });
      fake.script('issues/remove-label', githubAnswers.secondaryRateLimit(1));

      const result = await github.removeIssueLabel(PRODUCT, 7, '+more info please');

      expect(result).toEqual({ removed: true });
      expect(fake.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([403, 200]);
      expect(fake.issueLabels('example-org/product', 7)).toEqual([]);
    });

    it('waits for x-ratelimit-reset when the primary limit is exhausted, on a 403 or a 429', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a', '+b'] });
      fake.script('issues/remove-label', githubAnswers.primaryRateLimit(1, 403));

      await github.removeIssueLabel(PRODUCT, 7, '+a');
      fake.script('issues/remove-label', githubAnswers.primaryRateLimit(1, 429));
      await github.removeIssueLabel(PRODUCT, 7, '+b');

      expect(fake.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([403, 200, 429, 200]);
    });

    it('retries a 5xx with backoff and succeeds once', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', githubAnswers.serverError(502), githubAnswers.serverError(500));

      await github.removeIssueLabel(PRODUCT, 7, '+a');

      expect(fake.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([502, 500, 200]);
    });

    it('gives up on a retry-after longer than it may wait, as a transient failure that says how long to wait', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', githubAnswers.secondaryRateLimit(3_600));

      const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));

      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ transient: true, status: 403, retryAfterSeconds: 3_600 });
      expect((error as Error).message).toContain('secondary rate limit');
      expect((error as Error).message).toContain('retry after 3600s');
      expect(fake.callsTo('issues/remove-label')).toHaveLength(1);
    });

    it('stops retrying a rate limit after its retries, transient', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', ...Array.from({ length: 5 }, () => githubAnswers.secondaryRateLimit(1)));

      const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));

      expect(error).toMatchObject({ transient: true, status: 403 });
      expect(fake.callsTo('issues/remove-label')).toHaveLength(4); // the first try and 3 retries
    });

    it('fails permanently on bad credentials, without retrying', async () => {
      const stranger = new LiveGitHub({ credentials: { kind: 'token', token: 'ghp_wrong' }, apiUrl: fake.url, log, tuning: TUNING });
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });

      const error = await caught(stranger.removeIssueLabel(PRODUCT, 7, '+a'));

      expect(error).toMatchObject({ transient: false, status: 401 });
      expect((error as Error).message).toContain('Bad credentials');
      expect(fake.calls).toHaveLength(1);
    });

    it('fails transiently when GitHub does not answer at all', async () => {
      const nowhere = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: 'http://127.0.0.1:9', log, tuning: { ...TUNING, maxRetries: 1 } });

      const error = await caught(nowhere.removeIssueLabel(PRODUCT, 7, '+a'));

      expect(error).toMatchObject({ transient: true });
    });

    it('adds labels and reads the issue back', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['~investigate'] });

      await github.addIssueLabels(PRODUCT, 7, [':incoming', ':reproduce']);
      const issue = await github.getIssue(PRODUCT, 7);

      expect(fake.callsTo('issues/add-labels')[0]?.body).toEqual({ labels: [':incoming', ':reproduce'] });
      expect(issue).toEqual({ found: true, state: 'open', labels: ['~investigate', ':incoming', ':reproduce'], url: 'https://github.com/example-org/product/issues/7' });
    });

    it('says an issue that does not exist is not found', async () => {
      expect(await github.getIssue(PRODUCT, 404)).toEqual({ found: false });
    });
  });

  describe('rate limits, waited out as GitHub documents them', () => {
    /** Milliseconds between the first request of `operation` and its retry, as the fake saw them arrive. */
    const retryGap = (operation: string) => {
      const [first, retry] = fake.callsTo(operation);
      return (retry?.receivedAt ?? Number.NaN) - (first?.receivedAt ?? Number.NaN);
    };

    it('retries a secondary limit no sooner than its retry-after', async () => {
      // 100 ms per second of retry-after: a 2 s retry-after is a 200 ms wait.
      const patient = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: fake.url, log, tuning: { ...TUNING, retryAfterBaseMs: 100 } });
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', githubAnswers.secondaryRateLimit(2));

      await patient.removeIssueLabel(PRODUCT, 7, '+a');

      expect(fake.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([403, 200]);
      // A lower bound only (a busy machine makes the gap longer, never shorter), with room for a timer
      // that fires a millisecond early: it fails only if the retry-after was not waited out.
      expect(retryGap('issues/remove-label')).toBeGreaterThanOrEqual(190);
    });

    it('retries a used-up primary limit no sooner than x-ratelimit-reset', async () => {
      // 20 ms per second: the reset 10 s away (and the second after it) is a wait of at least 200 ms.
      const patient = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: fake.url, log, tuning: { ...TUNING, retryAfterBaseMs: 20 } });
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', githubAnswers.primaryRateLimit(10, 403));

      await patient.removeIssueLabel(PRODUCT, 7, '+a');

      expect(fake.callsTo('issues/remove-label').map((call) => call.answer.status)).toEqual([403, 200]);
      // The reset was at least 9 s after the request arrived (it is a whole second): the wait is at least
      // (9 + 1) × 20 ms however long the client took to answer. A lower bound only, as above.
      expect(retryGap('issues/remove-label')).toBeGreaterThanOrEqual(190);
    });

    it('says to wait a minute for a secondary limit that names no time, as GitHub advises', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', githubAnswers.secondaryRateLimit(null));

      const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));

      // The throttling plugin waits 60 s too, longer than it may in-process: one request, then the bus's turn.
      expect(error).toMatchObject({ transient: true, status: 403, retryAfterSeconds: 60 });
      expect(fake.callsTo('issues/remove-label')).toHaveLength(1);
    });

    it('says to wait until x-ratelimit-reset, and a second more, for a primary limit half an hour away (403 or 429)', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      for (const status of [403, 429] as const) {
        fake.reset();
        fake.script('issues/remove-label', githubAnswers.primaryRateLimit(1_800, status));

        const before = Date.now();
        const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));
        const after = Date.now();

        const reset = Number(fake.callsTo('issues/remove-label')[0]?.answer.headers?.['x-ratelimit-reset']) * 1000;
        expect(error, String(status)).toMatchObject({ transient: true, status });
        const { retryAfterSeconds } = error as ProviderError;
        expect(retryAfterSeconds, String(status)).toBeGreaterThanOrEqual(Math.ceil((reset - after) / 1000) + 1);
        expect(retryAfterSeconds, String(status)).toBeLessThanOrEqual(Math.ceil((reset - before) / 1000) + 1);
        expect(fake.callsTo('issues/remove-label'), String(status)).toHaveLength(1);
      }
    });

    it('reads a retry-after given as an HTTP date', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      const until = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
      fake.script('issues/remove-label', { ...githubAnswers.secondaryRateLimit(null), headers: { 'retry-after': until.toUTCString(), 'x-ratelimit-remaining': '4990' } });

      const before = Date.now();
      const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));
      const after = Date.now();

      const { retryAfterSeconds } = error as ProviderError;
      expect(retryAfterSeconds).toBeGreaterThanOrEqual(Math.ceil((until.getTime() - after) / 1000));
      expect(retryAfterSeconds).toBeLessThanOrEqual(Math.ceil((until.getTime() - before) / 1000));
    });

    it('says nothing about waiting for a failure that is not a rate limit', async () => {
      fake.seedIssue('example-org/product', 7, { labels: ['+a'] });
      fake.script('issues/remove-label', ...Array.from({ length: 4 }, () => githubAnswers.serverError(502)));

      const error = await caught(github.removeIssueLabel(PRODUCT, 7, '+a'));

      expect(error).toMatchObject({ transient: true, status: 502, retryAfterSeconds: undefined });
    });
  });

  describe('comments', () => {
    it('creates a comment and finds it again by its marker, among the comments since a time', async () => {
      fake.seedIssue('example-org/product', 7);
      const since = new Date(Date.now() - 60_000);

      const created = await github.createIssueComment(PRODUCT, 7, 'Could you share logs?\n\n<!-- switchboard:key-1 -->');
      const found = await github.findIssueComment(PRODUCT, 7, { marker: '<!-- switchboard:key-1 -->', since });
      const missing = await github.findIssueComment(PRODUCT, 7, { marker: '<!-- switchboard:key-2 -->', since });

      expect(found).toEqual(created);
      expect(missing).toBeUndefined();
      expect(fake.callsTo('issues/list-comments')[0]?.query).toMatchObject({ since: since.toISOString(), per_page: '100' });
    });
  });

  describe('repository labels', () => {
    it('reads a label case-insensitively, and undefined when there is none', async () => {
      fake.seedLabel('example-org/product', { name: 'customer-acme', color: '0e8a16', description: 'Customer codename' });

      expect(await github.getLabel(PRODUCT, 'Customer-ACME')).toEqual({ name: 'customer-acme', color: '0e8a16', description: 'Customer codename' });
      expect(await github.getLabel(PRODUCT, 'customer-none')).toBeUndefined();
    });

    it('lists every label over several pages', async () => {
      for (let i = 0; i < 150; i += 1) fake.seedLabel('example-org/product', { name: `label-${i}`, color: 'ededed' });

      const labels = await github.listLabels(PRODUCT);

      expect(labels).toHaveLength(150);
      expect(fake.callsTo('issues/list-labels-for-repo')).toHaveLength(2);
    });

    it('creates a label, and says so with a typed error when the name is taken', async () => {
      await github.createLabel(PRODUCT, { name: 'customer-acme', color: '0e8a16', description: 'Customer codename' });

      const error = await caught(github.createLabel(PRODUCT, { name: 'CUSTOMER-acme', color: '0e8a16', description: null }));

      expect(fake.labels('example-org/product')).toEqual([{ name: 'customer-acme', color: '0e8a16', description: 'Customer codename' }]);
      expect(error).toBeInstanceOf(LabelExistsError);
      expect(error).toMatchObject({ transient: false, status: 422 });
    });

    it('renames and recolours a label; undefined for one that does not exist', async () => {
      fake.seedLabel('example-org/product', { name: 'customer-acme', color: '0e8a16' });

      const updated = await github.updateLabel(PRODUCT, 'customer-acme', { name: 'customer-acme-corp', color: 'ffffff' });
      const missing = await github.updateLabel(PRODUCT, 'customer-none', { color: 'ffffff' });

      expect(updated).toEqual({ name: 'customer-acme-corp', color: 'ffffff', description: null });
      expect(fake.callsTo('issues/update-label')[0]?.body).toEqual({ new_name: 'customer-acme-corp', color: 'ffffff' });
      expect(missing).toBeUndefined();
    });

    it('never puts what it sent into an error: a failing label keeps its description to itself', async () => {
      fake.script('issues/create-label', githubAnswers.serverError(500), githubAnswers.serverError(500), githubAnswers.serverError(500), githubAnswers.serverError(500));

      const error = await caught(github.createLabel(CONFIDENTIAL, { name: 'customer-globex', color: '5319e7', description: 'Globex Corporation' }));

      expect(error).toMatchObject({ transient: true, status: 500 });
      expect((error as Error).cause).toBeUndefined();
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('Globex');
    });
  });

  describe('GitHub Enterprise Server', () => {
    it('calls under the /api/v3 base URL GITHUB_API_URL names', async () => {
      const enterprise = await FakeGitHubApi.start({ token: TOKEN, repositories: ['example-org/product'], basePath: '/api/v3' });
      try {
        enterprise.seedIssue('example-org/product', 7, { labels: ['+a'] });
        const client = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: enterprise.url, log, tuning: TUNING });

        await client.removeIssueLabel(PRODUCT, 7, '+a');

        expect(enterprise.url).toMatch(/\/api\/v3$/);
        expect(enterprise.succeeded('issues/remove-label')).toHaveLength(1);
      } finally {
        await enterprise.close();
      }
    });
  });

  describe('as a GitHub App', () => {
    it('finds its installation once per owner, as Probot does, and calls with installation tokens', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const app = await FakeGitHubApi.start({ app: { id: '123456', publicKey }, repositories: ['example-org/product', 'example-org/product-confidential'] });
      try {
        app.seedIssue('example-org/product', 7, { labels: ['+a'] });
        const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
        const client = new LiveGitHub({ credentials: { kind: 'app', appId: '123456', privateKey: pem }, apiUrl: app.url, log, tuning: TUNING });

        await client.removeIssueLabel(PRODUCT, 7, '+a');
        await client.getLabel(CONFIDENTIAL, 'customer-acme');

        expect(app.callsTo('apps/get-repo-installation')).toHaveLength(1);
        expect(app.callsTo('apps/get-repo-installation')[0]?.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/);
        expect(app.callsTo('apps/create-installation-access-token')).toHaveLength(1);
        expect(app.callsTo('issues/remove-label')[0]?.authorization).toMatch(/^token ghs_/);
        expect(app.callsTo('issues/get-label')[0]?.answer.status).toBe(404);
      } finally {
        await app.close();
      }
    });

    it('says plainly when the app is not installed on an owner', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const app = await FakeGitHubApi.start({ app: { id: '123456', publicKey }, repositories: [] });
      try {
        const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
        const client = new LiveGitHub({ credentials: { kind: 'app', appId: '123456', privateKey: pem }, apiUrl: app.url, log, tuning: TUNING });

        const error = await caught(client.getLabel({ owner: 'elsewhere', name: 'repo' }, 'x'));

        expect(error).toMatchObject({ transient: false, status: 404 });
        expect((error as Error).message).toContain('not installed on elsewhere');
      } finally {
        await app.close();
      }
    });
  });
});
