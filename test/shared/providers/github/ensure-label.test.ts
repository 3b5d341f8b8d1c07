import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { ensureLabel } from '../../../../shared/providers/github/ensure-label';
import { LiveGitHub } from '../../../../shared/providers/github/live-github';
import { FakeGitHubApi } from '../../../support/fake-github-api';

const TOKEN = 'ghp_testtoken0123456789';
const PRODUCT = { owner: 'example-org', name: 'product' };
const WANTED = { name: 'customer-acme', color: '0e8a16', description: 'Customer codename' };

describe('ensure a label', () => {
  let fake: FakeGitHubApi;
  let github: LiveGitHub;

  beforeEach(async () => {
    fake = await FakeGitHubApi.start({ token: TOKEN, repositories: ['example-org/product'] });
    github = new LiveGitHub({ credentials: { kind: 'token', token: TOKEN }, apiUrl: fake.url, log: createLogger({ level: 'SILENT', runtime: 'local' }), tuning: { retryAfterBaseMs: 1, writeSpacingMs: 0 } });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('creates a missing label, then changes nothing the second time', async () => {
    const first = await ensureLabel(github, PRODUCT, WANTED);
    const second = await ensureLabel(github, PRODUCT, WANTED);

    expect([first.outcome, second.outcome]).toEqual(['created', 'unchanged']);
    expect(fake.labels('example-org/product')).toEqual([WANTED]);
    expect(fake.succeeded('issues/create-label')).toHaveLength(1);
    expect(fake.callsTo('issues/update-label')).toHaveLength(0);
  });

  it('corrects the colour, the description and the letter case of an existing label', async () => {
    fake.seedLabel('example-org/product', { name: 'Customer-ACME', color: 'ffffff', description: 'Acme Corporation' });

    const { outcome } = await ensureLabel(github, PRODUCT, WANTED);

    expect(outcome).toBe('updated');
    expect(fake.labels('example-org/product')).toEqual([WANTED]);
  });

  it('updates instead when the label is created by someone else in between (422 already_exists)', async () => {
    fake.script('issues/get-label', { status: 404, body: { message: 'Not Found' } });
    fake.seedLabel('example-org/product', { name: 'customer-acme', color: 'ffffff' });

    const { outcome } = await ensureLabel(github, PRODUCT, WANTED);

    expect(outcome).toBe('updated');
    expect(fake.callsTo('issues/create-label')[0]?.answer.status).toBe(422);
    expect(fake.labels('example-org/product')).toEqual([WANTED]);
  });
});
