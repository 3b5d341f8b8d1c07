import { beforeEach, describe, expect, it } from 'vitest';
import { ConditionFailedError } from '../../../shared/store/store-errors';
import { expiresInDays, type Item, type Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const NOW = '2026-11-22T10:00:00.000Z';
const nowSeconds = Date.parse(NOW) / 1000;

describe('table', () => {
  let clock: ManualClock;
  let table: Table;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
  });

  describe('put', () => {
    it('writes a whole item that get reads back', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', colour: 'blue', count: 3 });

      expect(await table.get({ pk: 'thing#1', sk: 'thing' })).toEqual({ pk: 'thing#1', sk: 'thing', colour: 'blue', count: 3 });
    });

    it('throws ConditionFailedError and keeps the item when its condition does not hold', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', colour: 'blue' });

      const second = table.put({ pk: 'thing#1', sk: 'thing', colour: 'red' }, { expression: 'attribute_not_exists(pk)' });

      await expect(second).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get({ pk: 'thing#1', sk: 'thing' })).toMatchObject({ colour: 'blue' });
    });

    it('writes when its condition holds', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', version: 1 });

      await table.put(
        { pk: 'thing#1', sk: 'thing', version: 2 },
        { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': 1 } },
      );

      expect(await table.get({ pk: 'thing#1', sk: 'thing' })).toMatchObject({ version: 2 });
    });
  });

  describe('update', () => {
    it('sets, adds and removes attributes and returns the item as it is afterwards', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', colour: 'blue', count: 1, note: 'temporary' });

      const after = await table.update({ pk: 'thing#1', sk: 'thing' }, { set: { colour: 'red' }, add: { count: 2 }, remove: ['note'] });

      expect(after).toEqual({ pk: 'thing#1', sk: 'thing', colour: 'red', count: 3 });
      expect(await table.get({ pk: 'thing#1', sk: 'thing' })).toEqual(after);
    });

    it('sets a setIfMissing attribute on the first write only', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };

      const first = await table.update(key, { setIfMissing: { createdAt: 'first' }, add: { writes: 1 } });
      const second = await table.update(key, { setIfMissing: { createdAt: 'second' }, add: { writes: 1 } });

      expect(first).toMatchObject({ createdAt: 'first', writes: 1 });
      expect(second).toMatchObject({ createdAt: 'first', writes: 2 });
    });

    it('combines set, setIfMissing, add and remove in one write', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };
      await table.put({ ...key, old: true, count: 10, createdBy: 'ann' });

      const after = await table.update(key, {
        set: { status: 'open', owner: 'bob' },
        setIfMissing: { openedAt: '2026-11-22', createdBy: 'bob' },
        add: { count: 5, touches: 1 },
        remove: ['old'],
      });

      expect(after).toEqual({ ...key, status: 'open', owner: 'bob', openedAt: '2026-11-22', createdBy: 'ann', count: 15, touches: 1 });
    });

    it('throws ConditionFailedError and changes nothing when its condition does not hold', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };
      await table.put({ ...key, version: 2, colour: 'blue' });

      const stale = table.update(
        key,
        { set: { colour: 'red' }, add: { version: 1 } },
        { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': 1 } },
      );

      await expect(stale).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get(key)).toEqual({ ...key, version: 2, colour: 'blue' });
    });

    it('applies when its condition holds', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };
      await table.put({ ...key, version: 1 });

      const after = await table.update(
        key,
        { add: { version: 1 } },
        { expression: '#version = :expected', names: { '#version': 'version' }, values: { ':expected': 1 } },
      );

      expect(after).toMatchObject({ version: 2 });
    });
  });

  describe('delete', () => {
    it('keeps the item when its condition does not hold', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };
      await table.put({ ...key, owner: 'ann' });

      const wrongOwner = table.delete(key, { expression: '#owner = :owner', names: { '#owner': 'owner' }, values: { ':owner': 'bob' } });

      await expect(wrongOwner).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get(key)).toBeDefined();
    });

    it('removes the item when its condition holds', async () => {
      const key = { pk: 'thing#1', sk: 'thing' };
      await table.put({ ...key, owner: 'ann' });

      await table.delete(key, { expression: '#owner = :owner', names: { '#owner': 'owner' }, values: { ':owner': 'ann' } });

      expect(await table.get(key)).toBeUndefined();
    });
  });

  describe('expired items (TTL deletion is lazy)', () => {
    it('get treats an item whose expiresAt is now as absent', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', expiresAt: nowSeconds });

      expect(await table.get({ pk: 'thing#1', sk: 'thing' })).toBeUndefined();
    });

    it('get returns an item that expires a second from now, and not once the clock has passed it', async () => {
      await table.put({ pk: 'thing#1', sk: 'thing', expiresAt: nowSeconds + 1 });

      const before = await table.get({ pk: 'thing#1', sk: 'thing' });
      clock.advance(1_000);
      const after = await table.get({ pk: 'thing#1', sk: 'thing' });

      expect(before).toBeDefined();
      expect(after).toBeUndefined();
    });

    it('query leaves out items whose expiresAt is at or before now', async () => {
      await table.put({ pk: 'list', sk: 'a', expiresAt: nowSeconds - 60 });
      await table.put({ pk: 'list', sk: 'b', expiresAt: nowSeconds });
      await table.put({ pk: 'list', sk: 'c', expiresAt: nowSeconds + 1 });
      await table.put({ pk: 'list', sk: 'd' });

      const items = await table.query({ partition: 'list' });

      expect(items.map((item) => item.sk)).toEqual(['c', 'd']);
    });
  });

  describe('query', () => {
    it('refuses two sort-key conditions at once, instead of silently dropping one', async () => {
      await expect(table.query({ partition: 'p', beginsWith: 'a', before: 'b' })).rejects.toThrow('not both');
    });

    async function putSorted(partition: string, sortKeys: string[], extra: (sk: string, index: number) => Record<string, unknown> = () => ({})) {
      for (const [index, sk] of sortKeys.entries()) await table.put({ pk: partition, sk, ...extra(sk, index) });
    }
    const sortKeysOf = (items: Item[]) => items.map((item) => item.sk);

    it('returns the items of one partition only, in ascending sort-key order', async () => {
      await putSorted('list', ['b', 'c', 'a']);
      await putSorted('other', ['a']);

      expect(sortKeysOf(await table.query({ partition: 'list' }))).toEqual(['a', 'b', 'c']);
    });

    it('returns descending order when asked', async () => {
      await putSorted('list', ['b', 'c', 'a']);

      expect(sortKeysOf(await table.query({ partition: 'list', descending: true }))).toEqual(['c', 'b', 'a']);
    });

    it('narrows to sort keys that begin with a prefix', async () => {
      await putSorted('list', ['version#1', 'version#2', 'current', 'versions']);

      expect(sortKeysOf(await table.query({ partition: 'list', beginsWith: 'version#' }))).toEqual(['version#1', 'version#2']);
    });

    it('narrows to sort keys strictly before a value', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd']);

      expect(sortKeysOf(await table.query({ partition: 'list', before: 'c' }))).toEqual(['a', 'b']);
    });

    it('returns at most `limit` items, from the requested end', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e']);

      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2 }))).toEqual(['a', 'b']);
      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2, descending: true }))).toEqual(['e', 'd']);
    });

    it('lists by the time index (gsi1pk/gsi1sk) when byTime is set', async () => {
      await table.put({ pk: 'run#x', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:02Z#x' });
      await table.put({ pk: 'run#y', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:01Z#y' });
      await table.put({ pk: 'run#z', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:03Z#z' });
      await table.put({ pk: 'run#w', sk: 'run' });

      const items = await table.query({ partition: 'runs', byTime: true, descending: true });

      expect(items.map((item) => item.pk)).toEqual(['run#z', 'run#x', 'run#y']);
    });

    it('keeps reading past pages that the filter empties until the limit is met', async () => {
      // 12 items; only the last three match, so the first pages of `limit` items each hold no match.
      await putSorted('list', Array.from({ length: 12 }, (_, i) => `item#${String(i).padStart(2, '0')}`), (_, i) => ({ colour: i >= 9 ? 'red' : 'blue' }));

      const items = await table.query({
        partition: 'list',
        limit: 2,
        filter: { expression: '#colour = :colour', names: { '#colour': 'colour' }, values: { ':colour': 'red' } },
      });

      expect(sortKeysOf(items)).toEqual(['item#09', 'item#10']);
    });

    it('keeps reading past pages of expired items until the limit is met', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e'], (sk) => (sk < 'd' ? { expiresAt: nowSeconds - 1 } : {}));

      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2 }))).toEqual(['d', 'e']);
    });

    it('returns what matches when the partition ends before the limit', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e'], (sk) => ({ colour: sk === 'c' ? 'red' : 'blue' }));

      const items = await table.query({
        partition: 'list',
        limit: 2,
        filter: { expression: '#colour = :colour', names: { '#colour': 'colour' }, values: { ':colour': 'red' } },
      });

      expect(sortKeysOf(items)).toEqual(['c']);
    });
  });
});

describe('expiresInDays', () => {
  it('is epoch seconds `days` after now', () => {
    expect(expiresInDays(new Date('2026-11-22T10:00:00.000Z'), 30)).toBe(Date.parse('2026-12-22T10:00:00.000Z') / 1000);
  });

  it('drops the milliseconds of now', () => {
    expect(expiresInDays(new Date('2026-11-22T10:00:00.999Z'), 1)).toBe(Date.parse('2026-11-23T10:00:00.000Z') / 1000);
  });

  it('accepts fractions of a day', () => {
    expect(expiresInDays(new Date('2026-11-22T10:00:00.000Z'), 0.5)).toBe(Date.parse('2026-11-22T22:00:00.000Z') / 1000);
  });
});
