import { describe, expect, it } from 'vitest';
import type { CodenameState } from '../../../functions/codename-sync/codename-state';
import { findDrift } from '../../../functions/codename-sync/find-drift';
import type { SyncSettings } from '../../../functions/codename-sync/sync-settings';
import type { SalesforceAccount } from '../../../shared/providers/salesforce/salesforce';

const settings: SyncSettings = {
  field: 'GitHub_label__c',
  separator: ';',
  labelColor: 'd4c5f9',
  slackChannel: 'C0SUPPORT01',
  dailyReport: true,
  pattern: /^(customer|prospect)-[a-z0-9-]+$/,
  publicDescription: 'Customer codename',
  repositories: { public: { owner: 'example-org', name: 'product' }, confidential: { owner: 'example-org', name: 'product-confidential' } },
};

const label = (name: string, description: string | null = 'Customer codename', color = '5319e7') => ({ name, color, description });
const account = (id: string, name: string, labels: string | null): SalesforceAccount => ({ id, name, labels, lastModifiedAt: '2026-11-20T10:00:00.000Z' });
const state = (partial: Partial<CodenameState>): CodenameState => ({ confidential: [], public: [], accounts: [], ...partial });
const kinds = (drift: ReturnType<typeof findDrift>) => drift.map((difference) => [difference.label, difference.kind]);

describe('drift between the repositories and Salesforce', () => {
  it('is none when a codename is in both repositories, neutral in public, and on an Account', () => {
    const agreed = state({ confidential: [label('customer-acme', 'Acme')], public: [label('customer-acme')], accounts: [account('001A', 'Acme', 'customer-acme;Renewal Q3')] });

    expect(findDrift(agreed, settings)).toEqual([]);
  });

  it('compares names case-insensitively, as GitHub does', () => {
    const caseless = { ...settings, pattern: /^(customer|prospect)-[a-z0-9-]+$/i };
    const agreed = state({ confidential: [label('customer-acme', 'Acme')], public: [label('Customer-Acme')], accounts: [account('001A', 'Acme', 'CUSTOMER-ACME')] });

    expect(findDrift(agreed, caseless)).toEqual([]);
  });

  it('finds each kind, sorted by codename then kind', () => {
    const drifted = state({
      confidential: [label('customer-b', 'Bravo'), label('customer-e', null)],
      public: [label('customer-a'), label('customer-e', 'Echo Corp'), label('prospect-f')],
      accounts: [account('001A', 'Alpha', 'customer-a;customer-c'), account('001B', 'Bravo', 'customer-b'), account('001C', 'Charlie', 'customer-c')],
    });

    expect(kinds(findDrift(drifted, settings))).toEqual([
      ['customer-a', 'missing-in-confidential'],
      ['customer-b', 'missing-in-public'],
      ['customer-c', 'field-without-label'],
      ['customer-e', 'label-without-account'],
      ['customer-e', 'public-description-not-neutral'],
      ['prospect-f', 'label-without-account'],
    ]);
  });

  it('keeps what a repair needs: the Accounts that carry a codename, the colour, the customer the confidential label names', () => {
    const drifted = state({ confidential: [label('customer-z', ' Zulu Inc ', '0e8a16')], accounts: [account('001A', 'Alpha', 'customer-y'), account('001B', 'Bravo', 'customer-y')] });

    expect(findDrift(drifted, settings)).toEqual([
      { kind: 'field-without-label', label: 'customer-y', accounts: [expect.objectContaining({ id: '001A' }), expect.objectContaining({ id: '001B' })] },
      { kind: 'missing-in-public', label: 'customer-z', color: '0e8a16' },
      { kind: 'label-without-account', label: 'customer-z', color: '0e8a16', customerName: 'Zulu Inc', onlyPublic: false },
    ]);
  });

  it('leaves alone labels in the field that are no codename', () => {
    expect(findDrift(state({ accounts: [account('001A', 'Alpha', 'Renewal Q3;VIP')] }), settings)).toEqual([]);
  });
});
