import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../../shared/providers/outbox';
import { DryRunSalesforce } from '../../../../shared/providers/salesforce/dry-run-salesforce';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

describe('the dry-run Salesforce', () => {
  it('records the exact update the live adapter would send, and sends nothing', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00-08:00');
    const outbox = new Outbox(await createTestTable(clock), clock);
    const salesforce = new DryRunSalesforce(outbox, () => clock.now());
    const [account] = await salesforce.findAccountsByName("O'Brien & Sons");

    const update = await salesforce.updateAccountLabels(account!, 'GitHub_label__c', 'customer-blue-heron');

    expect(update).toEqual({ updated: true });
    expect(account).toMatchObject({ id: expect.stringMatching(/^001DRYRUN[0-9A-F]{9}$/), name: "O'Brien & Sons", labels: null });
    const [entry] = await outbox.list({ provider: 'salesforce' });
    expect(entry).toMatchObject({
      operation: 'sobject.update',
      request: {
        method: 'PATCH',
        url: `/services/data/v62.0/sobjects/Account/${account!.id}`,
        headers: { 'content-type': 'application/json', 'if-unmodified-since': 'Wed, 25 Nov 2026 18:00:00 GMT' },
        body: { GitHub_label__c: 'customer-blue-heron' },
      },
    });
  });

  it('has no labelled Accounts and no similar names to offer: it reads nothing', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00-08:00');
    const salesforce = new DryRunSalesforce(new Outbox(await createTestTable(clock), clock));

    expect(await salesforce.listAccountsWithLabels()).toEqual([]);
    expect(await salesforce.findAccountsNameContaining()).toEqual([]);
    expect(await salesforce.getAccount()).toBeUndefined();
  });
});
