import { describe, expect, it } from 'vitest';
import { awsGitHub } from '../../../shared/aws/aws-github';
import { createLogger } from '../../../shared/log/logger';
import { DryRunGitHub } from '../../../shared/providers/github/dry-run-github';
import { LiveGitHub } from '../../../shared/providers/github/live-github';
import { Outbox } from '../../../shared/providers/outbox';
import { ProviderError } from '../../../shared/providers/provider-error';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

async function input(secrets: Record<string, string>, dryRun = false) {
  const clock = new ManualClock('2026-11-25T18:00:00Z');
  return { secrets, dryRun, apiUrl: undefined, log: createLogger({ level: 'SILENT', runtime: 'aws' }), outbox: new Outbox(await createTestTable(clock), clock) };
}

describe('GitHub on AWS', () => {
  it('is live with the token or app of the secret', async () => {
    expect(awsGitHub(await input({ GITHUB_TOKEN: 'github_pat_123' }))).toBeInstanceOf(LiveGitHub);
  });

  it('is dry-run when the stack lists github in dryRunProviders, credentials or not', async () => {
    expect(awsGitHub(await input({ GITHUB_TOKEN: 'github_pat_123' }, true))).toBeInstanceOf(DryRunGitHub);
  });

  it('without credentials, fails each call permanently, saying what to set', async () => {
    const github = awsGitHub(await input({}));

    const error = await github.removeIssueLabel({ owner: 'example-org', name: 'product' }, 1, '+x').catch((caught: unknown) => caught);

    expect(github.mode).toBe('live');
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ transient: false });
    expect((error as Error).message).toContain('neither GITHUB_TOKEN nor GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY are set');
  });
});
