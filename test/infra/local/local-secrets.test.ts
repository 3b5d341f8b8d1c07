import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLocalSecrets } from '../../../infra/local/local-secrets';

describe('local inbound secrets', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-secrets-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("generates Salesforce's outbound token, and an org id shaped like Salesforce's, when unset, and keeps them", async () => {
    const first = await loadLocalSecrets(dataDir, {});
    const second = await loadLocalSecrets(dataDir, {});

    expect(first.generated).toEqual(expect.arrayContaining(['SALESFORCE_OUTBOUND_TOKEN', 'SALESFORCE_ORG_ID']));
    expect(first.secrets.SALESFORCE_ORG_ID).toMatch(/^00D[A-Za-z0-9]{15}$/);
    expect(first.secrets.SALESFORCE_OUTBOUND_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secrets).toEqual(first.secrets);
    expect(JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8'))).toMatchObject({ SALESFORCE_ORG_ID: first.secrets.SALESFORCE_ORG_ID });
  });

  it('uses the ones the environment sets', async () => {
    const loaded = await loadLocalSecrets(dataDir, { SALESFORCE_ORG_ID: '00D5e000000SBTESTA', SALESFORCE_OUTBOUND_TOKEN: 'from-the-environment' });

    expect(loaded.secrets).toMatchObject({ SALESFORCE_ORG_ID: '00D5e000000SBTESTA', SALESFORCE_OUTBOUND_TOKEN: 'from-the-environment' });
    expect(loaded.generated).not.toContain('SALESFORCE_ORG_ID');
  });
});
