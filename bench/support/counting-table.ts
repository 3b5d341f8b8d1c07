import type { Condition } from '../../shared/store/condition';
import type { Item, Key, QueryInput, Table, UpdateChanges } from '../../shared/store/table';

/** What one kind of item cost: its writes, their bytes, and reads. */
export interface ItemCosts {
  writes: number;
  /** DynamoDB write request units: one per started KB of each item written. */
  writeUnits: number;
  reads: number;
}

/** Items are grouped by what their key says they are: `delivery#…` → `delivery`, `run#…` → `run`. */
function kindOf(pk: string): string {
  return pk.split('#')[0] ?? pk;
}

/**
 * A table that counts, by kind of item, the writes (and their size in DynamoDB write units) and reads
 * going through it: the benchmarks' "store writes per event".
 */
export class CountingTable implements Table {
  readonly costs = new Map<string, ItemCosts>();

  constructor(private readonly table: Table) {}

  reset(): void {
    this.costs.clear();
  }

  async get<T = Item>(key: Key, options?: { consistent?: boolean }): Promise<T | undefined> {
    this.count(key.pk, { reads: 1 });
    return this.table.get<T>(key, options);
  }

  async put(item: Item, condition?: Condition): Promise<void> {
    this.count(item.pk, { writes: 1, writeUnits: units(item) });
    return this.table.put(item, condition);
  }

  async update<T = Item>(key: Key, changes: UpdateChanges, condition?: Condition): Promise<T> {
    const after = await this.table.update<T>(key, changes, condition);
    this.count(key.pk, { writes: 1, writeUnits: units(after) });
    return after;
  }

  async delete(key: Key, condition?: Condition): Promise<void> {
    this.count(key.pk, { writes: 1, writeUnits: 1 });
    return this.table.delete(key, condition);
  }

  async query<T = Item>(input: QueryInput): Promise<T[]> {
    this.count(input.partition, { reads: 1 });
    return this.table.query<T>(input);
  }

  close(): Promise<void> {
    return this.table.close();
  }

  private count(pk: string, cost: Partial<ItemCosts>): void {
    const kind = kindOf(pk);
    const costs = this.costs.get(kind) ?? { writes: 0, writeUnits: 0, reads: 0 };
    costs.writes += cost.writes ?? 0;
    costs.writeUnits += cost.writeUnits ?? 0;
    costs.reads += cost.reads ?? 0;
    this.costs.set(kind, costs);
  }
}

/** DynamoDB bills a write by the item's size, rounded up to the next KB (JSON length is close to its size). */
function units(item: unknown): number {
  return Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(item)) / 1024));
}
