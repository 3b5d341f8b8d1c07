import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { above, absent, all, any, below, equals, exists, itemAbsent, itemExists, notEquals } from '../../../shared/store/condition';
import { ConditionFailedError, ItemTooLargeError } from '../../../shared/store/store-errors';
import { expiresInDays, type Item, type Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable, STORE_ADAPTERS } from '../../support/test-table';

const NOW = '2026-11-22T10:00:00.000Z';
const nowSeconds = Date.parse(NOW) / 1000;
const key = { pk: 'thing#1', sk: 'thing' };
const sortKeysOf = (items: Item[]) => items.map((item) => item.sk);

/**
 * The store port's contract: every adapter gives the same answers for every operation, condition, expiry
 * and query order. SQLite runs on a real file (WAL), DynamoDB on the embedded DynamoDB API (dynalite).
 */
describe.each(STORE_ADAPTERS)('the table on %s', (adapter) => {
  let clock: ManualClock;
  let table: Table;
  let directory: string;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    directory = await mkdtemp(join(tmpdir(), 'switchboard-contract-'));
    table = await createTestTable(clock, adapter, join(directory, 'switchboard.db'));
  });
  afterEach(async () => {
    await table.close();
    await rm(directory, { recursive: true, force: true });
  });

  async function putSorted(partition: string, sortKeys: string[], extra: (sk: string, index: number) => Record<string, unknown> = () => ({})) {
    for (const [index, sk] of sortKeys.entries()) await table.put({ pk: partition, sk, ...extra(sk, index) });
  }

  describe('put and get', () => {
    it('writes a whole item that get reads back, with every kind of value', async () => {
      const item = { ...key, text: 'blue', empty: '', count: 3, ratio: 0.5, negative: -2, yes: true, no: false, nothing: null, list: [1, 'two', { three: 3 }], map: { nested: { deep: 'x' } } };
      await table.put(item);

      expect(await table.get(key)).toEqual(item);
    });

    it('replaces the whole item, dropping attributes the new one lacks', async () => {
      await table.put({ ...key, colour: 'blue', size: 2 });
      await table.put({ ...key, colour: 'red' });

      expect(await table.get(key)).toEqual({ ...key, colour: 'red' });
    });

    it('answers undefined for a key that was never written', async () => {
      expect(await table.get({ pk: 'nothing', sk: 'here' })).toBeUndefined();
    });

    it('refuses an item over 400 KB', async () => {
      await expect(table.put({ ...key, blob: 'x'.repeat(410 * 1024) })).rejects.toBeInstanceOf(ItemTooLargeError);
      expect(await table.get(key)).toBeUndefined();
    });
  });

  describe('conditions', () => {
    beforeEach(async () => {
      await table.put({ ...key, status: 'pending', owner: 'ann', count: 5, label: 'm', done: false });
    });

    const cases: [string, Parameters<Table['put']>[1], boolean][] = [
      ['itemAbsent on an existing item', itemAbsent, false],
      ['itemExists on an existing item', itemExists, true],
      ['exists of a present attribute', exists('owner'), true],
      ['exists of a missing attribute', exists('missing'), false],
      ['absent of a missing attribute', absent('missing'), true],
      ['absent of a present attribute', absent('owner'), false],
      ['equals with the same string', equals('status', 'pending'), true],
      ['equals with another string', equals('status', 'done'), false],
      ['equals with the same number', equals('count', 5), true],
      ['equals with the same boolean', equals('done', false), true],
      ['equals across types (5 vs "5")', equals('count', '5'), false],
      ['equals of a missing attribute', equals('missing', 'x'), false],
      ['notEquals with another value', notEquals('status', 'done'), true],
      ['notEquals with the same value', notEquals('status', 'pending'), false],
      ['notEquals of a missing attribute', notEquals('missing', 'x'), true],
      ['notEquals across types', notEquals('count', '5'), true],
      ['below with a greater number', below('count', 6), true],
      ['below with the same number', below('count', 5), false],
      ['below with a greater string', below('label', 'n'), true],
      ['below with a smaller string', below('label', 'a'), false],
      ['below of a missing attribute', below('missing', 10), false],
      ['below across types', below('label', 100), false],
      ['above with a smaller number', above('count', 4), true],
      ['above with the same number', above('count', 5), false],
      ['above with a smaller string', above('label', 'l'), true],
      ['all of two that hold', all(equals('owner', 'ann'), above('count', 1)), true],
      ['all with one that fails', all(equals('owner', 'ann'), above('count', 10)), false],
      ['any with one that holds', any(equals('owner', 'bob'), above('count', 1)), true],
      ['any of two that fail', any(equals('owner', 'bob'), above('count', 10)), false],
      ['nested any inside all', all(itemExists, any(equals('status', 'done'), all(equals('status', 'pending'), below('count', 9)))), true],
      ['an empty all', all(), true],
      ['an empty any', any(), false],
    ];

    it.each(cases)('a put conditioned on %s applies only when it holds', async (_name, condition, applies) => {
      const attempt = table.put({ ...key, status: 'replaced' }, condition);

      if (applies) {
        await attempt;
        expect(await table.get(key)).toEqual({ ...key, status: 'replaced' });
      } else {
        await expect(attempt).rejects.toBeInstanceOf(ConditionFailedError);
        expect(await table.get(key)).toMatchObject({ status: 'pending' });
      }
    });

    it.each(cases)('an update conditioned on %s applies only when it holds', async (_name, condition, applies) => {
      const attempt = table.update(key, { set: { status: 'updated' } }, condition);

      if (applies) await expect(attempt).resolves.toMatchObject({ status: 'updated', owner: 'ann' });
      else await expect(attempt).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get(key)).toMatchObject({ status: applies ? 'updated' : 'pending' });
    });

    it.each(cases)('a delete conditioned on %s applies only when it holds', async (_name, condition, applies) => {
      const attempt = table.delete(key, condition);

      if (applies) await attempt;
      else await expect(attempt).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get(key)).toEqual(applies ? undefined : expect.objectContaining({ status: 'pending' }));
    });
  });

  describe('update', () => {
    it('sets, adds and removes attributes and returns the item as it is afterwards', async () => {
      await table.put({ ...key, colour: 'blue', count: 1, note: 'temporary' });

      const after = await table.update(key, { set: { colour: 'red' }, add: { count: 2 }, remove: ['note'] });

      expect(after).toEqual({ ...key, colour: 'red', count: 3 });
      expect(await table.get(key)).toEqual(after);
    });

    it('creates the item when there is none, counting a missing number as 0', async () => {
      const after = await table.update(key, { set: { colour: 'red' }, add: { count: 2 } });

      expect(after).toEqual({ ...key, colour: 'red', count: 2 });
    });

    it('sets a setIfMissing attribute on the first write only', async () => {
      const first = await table.update(key, { setIfMissing: { createdAt: 'first' }, add: { writes: 1 } });
      const second = await table.update(key, { setIfMissing: { createdAt: 'second' }, add: { writes: 1 } });

      expect(first).toMatchObject({ createdAt: 'first', writes: 1 });
      expect(second).toMatchObject({ createdAt: 'first', writes: 2 });
    });

    it('combines set, setIfMissing, add and remove in one write', async () => {
      await table.put({ ...key, old: true, count: 10, createdBy: 'ann' });

      const after = await table.update(key, {
        set: { status: 'open', owner: 'bob', steps: [{ name: 'a' }] },
        setIfMissing: { openedAt: '2026-11-22', createdBy: 'bob' },
        add: { count: 5, touches: 1 },
        remove: ['old'],
      });

      expect(after).toEqual({ ...key, status: 'open', owner: 'bob', steps: [{ name: 'a' }], openedAt: '2026-11-22', createdBy: 'ann', count: 15, touches: 1 });
    });

    it('with itemExists, does not create a missing item', async () => {
      await expect(table.update(key, { set: { colour: 'red' } }, itemExists)).rejects.toBeInstanceOf(ConditionFailedError);
      expect(await table.get(key)).toBeUndefined();
    });

    it('returns the new value of each of 20 concurrent increments, every value once', async () => {
      const counters = await Promise.all(Array.from({ length: 20 }, () => table.update<{ next: number }>(key, { add: { next: 1 } })));

      expect(counters.map((counter) => counter.next).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect((await table.get<{ next: number }>(key))?.next).toBe(20);
    });

    it('serialises concurrent conditional increments: each version is taken once', async () => {
      await table.put({ ...key, version: 0 });
      const attempts = Array.from({ length: 10 }, () =>
        table.get<{ version: number }>(key, { consistent: true }).then((read) =>
          table.update(key, { add: { version: 1 } }, equals('version', read?.version ?? -1)).then(
            () => 'won',
            (error: unknown) => (error instanceof ConditionFailedError ? 'lost' : Promise.reject(error)),
          ),
        ),
      );
      const outcomes = await Promise.all(attempts);

      const stored = await table.get<{ version: number }>(key);
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(stored?.version ?? 0);
      expect(stored?.version).toBeGreaterThanOrEqual(1);
    });
  });

  describe('expired items (TTL deletion is lazy)', () => {
    it('get treats an item whose expiresAt is now as absent', async () => {
      await table.put({ ...key, expiresAt: nowSeconds });

      expect(await table.get(key)).toBeUndefined();
    });

    it('get returns an item that expires a second from now, and not once the clock has passed it', async () => {
      await table.put({ ...key, expiresAt: nowSeconds + 1 });

      const before = await table.get(key);
      clock.advance(1_000);
      const after = await table.get(key);

      expect(before).toBeDefined();
      expect(after).toBeUndefined();
    });

    it('a write conditioned on the item being absent replaces an expired one', async () => {
      await table.put({ ...key, owner: 'ann', expiresAt: nowSeconds - 1 });

      await table.put({ ...key, owner: 'bob' }, itemAbsent);

      expect(await table.get(key)).toEqual({ ...key, owner: 'bob' });
    });

    it('a condition on the attributes of an expired item does not hold', async () => {
      await table.put({ ...key, owner: 'ann', expiresAt: nowSeconds - 1 });

      await expect(table.update(key, { set: { owner: 'bob' } }, equals('owner', 'ann'))).rejects.toBeInstanceOf(ConditionFailedError);
      await expect(table.delete(key, itemExists)).rejects.toBeInstanceOf(ConditionFailedError);
    });

    it('query leaves out items whose expiresAt is at or before now', async () => {
      await table.put({ pk: 'list', sk: 'a', expiresAt: nowSeconds - 60 });
      await table.put({ pk: 'list', sk: 'b', expiresAt: nowSeconds });
      await table.put({ pk: 'list', sk: 'c', expiresAt: nowSeconds + 1 });
      await table.put({ pk: 'list', sk: 'd' });

      expect(sortKeysOf(await table.query({ partition: 'list' }))).toEqual(['c', 'd']);
    });
  });

  describe('query', () => {
    it('refuses a prefix together with a range, instead of silently dropping one', async () => {
      await expect(table.query({ partition: 'p', beginsWith: 'a', before: 'b' })).rejects.toThrow('not both');
    });

    it('returns the items of one partition only, in ascending sort-key order', async () => {
      await putSorted('list', ['b', 'c', 'a']);
      await putSorted('other', ['a']);

      expect(sortKeysOf(await table.query({ partition: 'list' }))).toEqual(['a', 'b', 'c']);
    });

    it('returns descending order when asked', async () => {
      await putSorted('list', ['b', 'c', 'a']);

      expect(sortKeysOf(await table.query({ partition: 'list', descending: true }))).toEqual(['c', 'b', 'a']);
    });

    it('orders sort keys by their UTF-8 bytes', async () => {
      await putSorted('list', ['\u{1F600}', '\uFF5E', 'Z', 'a', 'é']);

      expect(sortKeysOf(await table.query({ partition: 'list' }))).toEqual(['Z', 'a', 'é', '\uFF5E', '\u{1F600}']);
    });

    it('narrows to sort keys that begin with a prefix', async () => {
      await putSorted('list', ['version#1', 'version#2', 'current', 'versions', 'version$', 'version#\u{10FFFF}x']);

      expect(sortKeysOf(await table.query({ partition: 'list', beginsWith: 'version#' }))).toEqual(['version#1', 'version#2', 'version#\u{10FFFF}x']);
      expect(sortKeysOf(await table.query({ partition: 'list', beginsWith: 'version#', descending: true, limit: 2 }))).toEqual(['version#\u{10FFFF}x', 'version#2']);
    });

    it('narrows to sort keys strictly before a value, and strictly after one', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd']);

      expect(sortKeysOf(await table.query({ partition: 'list', before: 'c' }))).toEqual(['a', 'b']);
      expect(sortKeysOf(await table.query({ partition: 'list', after: 'b' }))).toEqual(['c', 'd']);
    });

    it('narrows to a range between two bounds, in either direction', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e']);

      expect(sortKeysOf(await table.query({ partition: 'list', after: 'a', before: 'e' }))).toEqual(['b', 'c', 'd']);
      expect(sortKeysOf(await table.query({ partition: 'list', after: 'a', before: 'e', descending: true }))).toEqual(['d', 'c', 'b']);
      expect(sortKeysOf(await table.query({ partition: 'list', after: 'b', before: 'c' }))).toEqual([]);
    });

    it('returns at most `limit` items, from the requested end', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e']);

      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2 }))).toEqual(['a', 'b']);
      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2, descending: true }))).toEqual(['e', 'd']);
    });

    it('lists by the time index (gsi1pk/gsi1sk) when byTime is set, leaving out items without both keys', async () => {
      await table.put({ pk: 'run#x', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:02Z#x' });
      await table.put({ pk: 'run#y', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:01Z#y' });
      await table.put({ pk: 'run#z', sk: 'run', gsi1pk: 'runs', gsi1sk: '2026-11-22T10:00:03Z#z' });
      await table.put({ pk: 'run#w', sk: 'run' });
      await table.put({ pk: 'run#v', sk: 'run', gsi1pk: 'runs' });

      const items = await table.query({ partition: 'runs', byTime: true, descending: true });

      expect(items.map((item) => item.pk)).toEqual(['run#z', 'run#x', 'run#y']);
    });

    it('takes an item out of the time index when an update removes its index keys', async () => {
      await table.put({ pk: 'job#1', sk: 'job', gsi1pk: 'pending', gsi1sk: '2026-11-22T10:00:00Z#1', status: 'pending' });

      await table.update({ pk: 'job#1', sk: 'job' }, { set: { status: 'done' }, remove: ['gsi1pk', 'gsi1sk'] });

      expect(await table.query({ partition: 'pending', byTime: true })).toEqual([]);
      expect(await table.get({ pk: 'job#1', sk: 'job' })).toEqual({ pk: 'job#1', sk: 'job', status: 'done' });
    });

    it('ranges over the time index too', async () => {
      for (const minute of ['01', '02', '03', '04']) await table.put({ pk: `t#${minute}`, sk: 't', gsi1pk: 'timers', gsi1sk: `2026-11-22T10:${minute}:00Z` });

      const due = await table.query({ partition: 'timers', byTime: true, before: '2026-11-22T10:03:00Z~' });
      const later = await table.query({ partition: 'timers', byTime: true, after: '2026-11-22T10:02:00Z', descending: true, limit: 1 });

      expect(due.map((item) => item.pk)).toEqual(['t#01', 't#02', 't#03']);
      expect(later.map((item) => item.pk)).toEqual(['t#04']);
    });

    it('keeps reading past items that the filter leaves out until the limit is met', async () => {
      await putSorted('list', Array.from({ length: 12 }, (_, i) => `item#${String(i).padStart(2, '0')}`), (_, i) => ({ colour: i >= 9 ? 'red' : 'blue' }));

      const items = await table.query({ partition: 'list', limit: 2, filter: equals('colour', 'red') });

      expect(sortKeysOf(items)).toEqual(['item#09', 'item#10']);
    });

    it('keeps reading past expired items until the limit is met', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e'], (sk) => (sk < 'd' ? { expiresAt: nowSeconds - 1 } : {}));

      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2 }))).toEqual(['d', 'e']);
    });

    it('returns what matches when the partition ends before the limit', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd', 'e'], (sk) => ({ colour: sk === 'c' ? 'red' : 'blue' }));

      expect(sortKeysOf(await table.query({ partition: 'list', limit: 2, filter: equals('colour', 'red') }))).toEqual(['c']);
    });

    it('filters with every kind of condition', async () => {
      await putSorted('list', ['a', 'b', 'c', 'd'], (sk, i) => (sk === 'd' ? {} : { status: i % 2 === 0 ? 'open' : 'closed', count: i }));

      expect(sortKeysOf(await table.query({ partition: 'list', filter: notEquals('status', 'closed') }))).toEqual(['a', 'c', 'd']);
      expect(sortKeysOf(await table.query({ partition: 'list', filter: all(exists('status'), below('count', 2)) }))).toEqual(['a', 'b']);
      expect(sortKeysOf(await table.query({ partition: 'list', filter: any(absent('status'), above('count', 1)) }))).toEqual(['c', 'd']);
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
