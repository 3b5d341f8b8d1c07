import type { Condition } from './condition';

export interface Key {
  pk: string;
  sk: string;
}
export type Item = Key & Record<string, unknown>;

export interface UpdateChanges {
  set?: Record<string, unknown>;
  /** Set only where the attribute is absent: first-write-wins fields such as a creation time. */
  setIfMissing?: Record<string, unknown>;
  /** Add to a number (a missing attribute counts as 0). */
  add?: Record<string, number>;
  remove?: readonly string[];
}

export interface QueryInput {
  partition: string;
  /** Query the time index (`gsi1pk`/`gsi1sk`) instead of the table. */
  byTime?: boolean;
  /** Sort keys that begin with this prefix; not together with `after`/`before`. */
  beginsWith?: string;
  /** Sort keys strictly above this value. */
  after?: string;
  /** Sort keys strictly below this value (paging backwards in time). */
  before?: string;
  descending?: boolean;
  limit?: number;
  filter?: Condition;
}

/**
 * The state port (SPEC §1): one table of items keyed by `pk`/`sk`, single-item operations only (no
 * transactions: one conditional write per state change is enough), a time index (`gsi1pk`/`gsi1sk`), and
 * an `expiresAt` attribute (epoch seconds) after which an item reads as absent — also to the conditions
 * of a write — because TTL deletion is lazy. An update of an expired item keeps its other attributes.
 *
 * Two adapters give the same answers (test/shared/store/table-contract.test.ts): DynamoDB on AWS and
 * whenever `DYNAMODB_ENDPOINT` is set, and SQLite, the local default.
 *
 * @example
 * await table.put({ pk: `effect#${key}`, sk: 'effect', status: 'pending' }, itemAbsent);
 */
export interface Table {
  /** The item, or undefined when there is none or it has expired. */
  get<T = Item>(key: Key, options?: { consistent?: boolean }): Promise<T | undefined>;
  /** Writes a whole item; with a condition, throws ConditionFailedError when it does not hold. */
  put(item: Item, condition?: Condition): Promise<void>;
  /** Updates attributes of one item (creating it when absent) and returns the item as it is afterwards. */
  update<T = Item>(key: Key, changes: UpdateChanges, condition?: Condition): Promise<T>;
  delete(key: Key, condition?: Condition): Promise<void>;
  /** Items of one partition in sort-key order, without expired ones, up to `limit` after the filter. */
  query<T = Item>(input: QueryInput): Promise<T[]>;
  close(): Promise<void>;
}

/** `expiresAt` for an item kept `days` from `now`. */
export function expiresInDays(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + Math.round(days * 86_400);
}

/** Epoch seconds, the unit of `expiresAt`. */
export function epochSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

/** DynamoDB's item size limit; the SQLite adapter refuses the same, so a local run finds what AWS would refuse. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** Checks the query's sort-key bounds: a prefix, or a range, not both. */
export function assertSortKeyBounds(input: QueryInput): void {
  if (input.beginsWith !== undefined && (input.after !== undefined || input.before !== undefined)) {
    throw new Error('query takes beginsWith or after/before, not both');
  }
}
