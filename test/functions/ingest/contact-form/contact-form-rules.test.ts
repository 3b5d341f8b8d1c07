import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfiguredContactFormRules, contactFormRulesOf, DEFAULT_CONTACT_FORM_RULES } from '../../../../functions/ingest/contact-form/contact-form-rules';
import { ConfigStore } from '../../../../shared/config/config-store';
import { parseConfig } from '../../../../shared/config/parse-config';
import type { Table } from '../../../../shared/store/table';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const example = parseConfig(readFileSync(new URL('../../../../switchboard.config.example.yaml', import.meta.url), 'utf8'), 'example');

describe('contact form rules', () => {
  it('reads the banned domains and the re-post window of a configuration', () => {
    expect(contactFormRulesOf(example)).toEqual({ bannedEmailDomains: ['mailinator.com', 'guerrillamail.com'], repostWindowMs: 600_000 });
  });

  it('falls back to the defaults for a document without the section, or none at all', () => {
    expect(contactFormRulesOf({ company: {} })).toEqual(DEFAULT_CONTACT_FORM_RULES);
    expect(contactFormRulesOf(undefined)).toEqual(DEFAULT_CONTACT_FORM_RULES);
  });

  describe('read from the table', () => {
    let clock: ManualClock;
    let table: Table;

    beforeEach(async () => {
      clock = new ManualClock('2026-11-20T15:00:00.000Z');
      table = await createTestTable(clock);
    });
    afterEach(async () => {
      await table.close();
    });

    it('reads the configuration in force, and a newer one once the cache has run out', async () => {
      const configs = new ConfigStore(table, clock, { cacheMs: 0 });
      const rules = new ConfiguredContactFormRules(table, clock, { cacheMs: 30_000 });
      await configs.apply(example, { source: 'example' });
      expect((await rules.current()).bannedEmailDomains).toEqual(['mailinator.com', 'guerrillamail.com']);

      await configs.apply({ ...example, contactForm: { bannedEmailDomains: ['spam.example'], repostWindow: '1m' } }, { source: 'test' });
      expect((await rules.current()).bannedEmailDomains).toEqual(['mailinator.com', 'guerrillamail.com']);
      clock.advance(30_000);

      expect(await rules.current()).toEqual({ bannedEmailDomains: ['spam.example'], repostWindowMs: 60_000 });
    });

    it('answers the defaults before any configuration is applied', async () => {
      expect(await new ConfiguredContactFormRules(table, clock, { cacheMs: 0 }).current()).toEqual(DEFAULT_CONTACT_FORM_RULES);
    });
  });
});
