import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/config/config-schema';
import { ConfigMissingError, ConfigStore } from '../../../shared/config/config-store';
import { ConfigError, parseConfig } from '../../../shared/config/parse-config';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const EXAMPLE_FILE = new URL('../../../switchboard.config.example.yaml', import.meta.url);
const example = parseConfig(readFileSync(EXAMPLE_FILE, 'utf8'), 'switchboard.config.example.yaml');
const NOW = '2026-11-22T10:00:00.000Z';

function withOpening(config: Config, opens: string): Config {
  return { ...config, businessHours: { ...config.businessHours, opens } };
}

describe('config store', () => {
  let clock: ManualClock;
  let table: Table;
  let configs: ConfigStore;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
    configs = new ConfigStore(table, clock, { cacheMs: 0 });
  });

  it('has no current configuration before the first apply', async () => {
    await expect(configs.current()).rejects.toBeInstanceOf(ConfigMissingError);
    expect(await configs.find()).toBeUndefined();
  });

  it('makes the first apply version 1, with its source and time', async () => {
    const applied = await configs.apply(example, { source: 'switchboard.config.yaml' });

    expect(applied).toEqual({ version: 1, previous: undefined, unchanged: false });
    expect(await configs.current()).toEqual({ version: 1, config: example, appliedAt: NOW, source: 'switchboard.config.yaml' });
  });

  it('makes every apply a new version and keeps the earlier ones', async () => {
    await configs.apply(example, { source: 'first.yaml' });
    clock.advance(60_000);

    const second = await configs.apply(withOpening(example, '07:00'), { source: 'second.yaml' });

    expect(second.version).toBe(2);
    expect(second.previous).toMatchObject({ version: 1, source: 'first.yaml' });
    expect(second.unchanged).toBe(false);
    expect((await configs.current()).config.businessHours.opens).toBe('07:00');
    expect((await configs.version(1))?.config.businessHours.opens).toBe('06:00');
    expect(await configs.version(2)).toMatchObject({ version: 2, source: 'second.yaml', appliedAt: '2026-11-22T10:01:00.000Z' });
  });

  it('applies nothing when the configuration equals the one in force', async () => {
    await configs.apply(example, { source: 'first.yaml' });

    const again = await configs.apply(structuredClone(example), { source: 'again.yaml' });

    expect(again).toMatchObject({ version: 1, unchanged: true });
    expect(await configs.version(2)).toBeUndefined();
    expect(await configs.current()).toMatchObject({ version: 1, source: 'first.yaml' });
  });

  it('knows no version that was never applied', async () => {
    await configs.apply(example, { source: 'first.yaml' });

    expect(await configs.version(2)).toBeUndefined();
  });

  it('lists the history newest first, up to a limit', async () => {
    for (const [index, opens] of ['06:00', '07:00', '08:00'].entries()) {
      await configs.apply(withOpening(example, opens), { source: `v${index + 1}.yaml` });
      clock.advance(1_000);
    }

    expect(await configs.history()).toEqual([
      { version: 3, appliedAt: '2026-11-22T10:00:02.000Z', source: 'v3.yaml' },
      { version: 2, appliedAt: '2026-11-22T10:00:01.000Z', source: 'v2.yaml' },
      { version: 1, appliedAt: '2026-11-22T10:00:00.000Z', source: 'v1.yaml' },
    ]);
    expect((await configs.history(2)).map((entry) => entry.version)).toEqual([3, 2]);
  });

  it('gives concurrent applies from two instances distinct versions', async () => {
    const other = new ConfigStore(table, clock, { cacheMs: 0 });
    await configs.apply(example, { source: 'v1.yaml' });

    const results = await Promise.all([
      configs.apply(withOpening(example, '07:00'), { source: 'a.yaml' }),
      other.apply(withOpening(example, '08:00'), { source: 'b.yaml' }),
    ]);

    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    expect((await configs.history()).map((entry) => entry.version)).toEqual([3, 2, 1]);
    expect((await configs.current()).version).toBe(3);
  });

  describe('change', () => {
    it('creates a new version from the current configuration', async () => {
      await configs.apply(example, { source: 'switchboard.config.yaml' });

      const changed = await configs.change('channels add C0GLOBEX01', (config) => ({
        ...config,
        afterHours: { customerChannels: [...config.afterHours.customerChannels, { id: 'C0GLOBEX01', customer: 'Globex' }] },
      }));

      expect(changed.version).toBe(2);
      const current = await configs.current();
      expect(current.source).toBe('channels add C0GLOBEX01');
      expect(current.config.afterHours.customerChannels).toEqual([
        { id: 'C0ACMEPROD', customer: 'Acme Corp' },
        { id: 'C0GLOBEX01', customer: 'Globex' },
      ]);
    });

    it('validates the edited configuration and creates no version when it is invalid', async () => {
      await configs.apply(example, { source: 'switchboard.config.yaml' });

      const broken = configs.change('channels add acme', (config) => ({
        ...config,
        afterHours: { customerChannels: [{ id: 'acme', customer: 'Acme' }] },
      }));

      await expect(broken).rejects.toBeInstanceOf(ConfigError);
      await expect(broken).rejects.toMatchObject({ issues: [{ path: 'afterHours.customerChannels.0.id' }] });
      expect((await configs.history()).map((entry) => entry.version)).toEqual([1]);
      expect((await configs.current()).version).toBe(1);
    });

    it('edits a copy, so an edit that mutates cannot alter the version it started from', async () => {
      await configs.apply(example, { source: 'switchboard.config.yaml' });

      await configs.change('opens later', (config) => {
        config.businessHours.opens = '09:00';
        return config;
      });

      expect((await configs.version(1))?.config.businessHours.opens).toBe('06:00');
      expect(example.businessHours.opens).toBe('06:00');
    });

    it('needs a configuration to start from', async () => {
      await expect(configs.change('channels add C0GLOBEX01', (config) => config)).rejects.toBeInstanceOf(ConfigMissingError);
    });
  });

  describe('cache', () => {
    it('does not see another instance’s apply until its cache time has passed', async () => {
      const reader = new ConfigStore(table, clock, { cacheMs: 10_000 });
      const writer = new ConfigStore(table, clock, { cacheMs: 10_000 });
      await writer.apply(example, { source: 'v1.yaml' });
      expect((await reader.current()).version).toBe(1);

      await writer.apply(withOpening(example, '07:00'), { source: 'v2.yaml' });
      const rightAfter = await reader.current();
      clock.advance(9_999);
      const justBeforeExpiry = await reader.current();
      clock.advance(2);
      const afterExpiry = await reader.current();

      expect(rightAfter.version).toBe(1);
      expect(justBeforeExpiry.version).toBe(1);
      expect(afterExpiry.version).toBe(2);
    });

    it('sees another instance’s apply at once with cacheMs 0', async () => {
      const reader = new ConfigStore(table, clock, { cacheMs: 0 });
      const writer = new ConfigStore(table, clock, { cacheMs: 0 });
      await writer.apply(example, { source: 'v1.yaml' });
      expect((await reader.current()).version).toBe(1);

      await writer.apply(withOpening(example, '07:00'), { source: 'v2.yaml' });

      expect((await reader.current()).version).toBe(2);
    });

    it('sees its own apply at once, whatever its cache time', async () => {
      const store = new ConfigStore(table, clock, { cacheMs: 10_000 });
      await store.apply(example, { source: 'v1.yaml' });
      expect((await store.current()).version).toBe(1);

      await store.apply(withOpening(example, '07:00'), { source: 'v2.yaml' });

      expect((await store.current()).version).toBe(2);
    });

    it('bases a change on the stored configuration, not on a stale cached one', async () => {
      const cli = new ConfigStore(table, clock, { cacheMs: 10_000 });
      const other = new ConfigStore(table, clock, { cacheMs: 0 });
      await other.apply(example, { source: 'v1.yaml' });
      await cli.current();
      await other.apply(withOpening(example, '07:00'), { source: 'v2.yaml' });

      await cli.change('add channel', (config) => ({
        ...config,
        afterHours: { customerChannels: [...config.afterHours.customerChannels, { id: 'C0GLOBEX01', customer: 'Globex' }] },
      }));

      const current = await other.current();
      expect(current.version).toBe(3);
      expect(current.config.businessHours.opens).toBe('07:00');
    });
  });
});
