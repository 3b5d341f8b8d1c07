import { beforeEach, describe, expect, it } from 'vitest';
import { DryRunGitHub } from '../../../../shared/providers/github/dry-run-github';
import { Outbox } from '../../../../shared/providers/outbox';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const PRODUCT = { owner: 'example-org', name: 'product' };

describe('the dry-run GitHub', () => {
  let outbox: Outbox;
  let github: DryRunGitHub;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-25T18:00:00Z');
    outbox = new Outbox(await createTestTable(clock), clock);
    github = new DryRunGitHub(outbox);
  });

  it('records each change as the exact REST call the live adapter makes, and answers like GitHub', async () => {
    // A second apart, so the outbox lists them in order.
    const removed = await github.removeIssueLabel(PRODUCT, 7, '+more info please');
    clock.advance(1_000);
    await github.addIssueLabels(PRODUCT, 7, [':incoming', ':reproduce']);
    clock.advance(1_000);
    const comment = await github.createIssueComment(PRODUCT, 7, 'Could you share logs?');
    clock.advance(1_000);
    await github.createLabel(PRODUCT, { name: 'customer-acme', color: '0e8a16', description: 'Customer codename' });
    clock.advance(1_000);
    await github.updateLabel(PRODUCT, 'customer-acme', { name: 'customer-acme-corp' });

    expect(removed).toEqual({ removed: true });
    expect(comment.url).toMatch(/^https:\/\/github\.com\/example-org\/product\/issues\/7#issuecomment-\d+$/);
    const entries = (await outbox.list({ provider: 'github' })).reverse();
    expect(entries.map((entry) => [entry.operation, entry.request])).toEqual([
      ['issues/remove-label', { route: 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', owner: 'example-org', repo: 'product', issue_number: 7, name: '+more info please' }],
      ['issues/add-labels', { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels', owner: 'example-org', repo: 'product', issue_number: 7, labels: [':incoming', ':reproduce'] }],
      ['issues/create-comment', { route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', owner: 'example-org', repo: 'product', issue_number: 7, body: 'Could you share logs?' }],
      ['issues/create-label', { route: 'POST /repos/{owner}/{repo}/labels', owner: 'example-org', repo: 'product', name: 'customer-acme', color: '0e8a16', description: 'Customer codename' }],
      ['issues/update-label', { route: 'PATCH /repos/{owner}/{repo}/labels/{name}', owner: 'example-org', repo: 'product', name: 'customer-acme', new_name: 'customer-acme-corp' }],
    ]);
  });

  it('has nothing to read, and says so instead of guessing', async () => {
    expect(await github.getIssue(PRODUCT, 7)).toBeUndefined();
    expect(await github.getLabel(PRODUCT, 'customer-acme')).toBeUndefined();
    expect(await github.listLabels(PRODUCT)).toEqual([]);
    expect(await github.findIssueComment(PRODUCT, 7, { marker: 'x', since: new Date() })).toBeUndefined();
    expect(await outbox.list()).toEqual([]);
  });
});
