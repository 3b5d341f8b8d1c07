import type { Condition } from '../../shared/store/condition';
import type { Item, Key, QueryInput, Table, UpdateChanges } from '../../shared/store/table';

/** Settles after the current turn of the event loop, whatever the promise. */
function afterThisTurn<T>(promise: Promise<T>): Promise<T> {
  return promise.then(
    (value) => new Promise<T>((resolve) => setImmediate(resolve, value)),
    (error: unknown) => new Promise<T>((_resolve, reject) => setImmediate(reject, error)),
  );
}

/**
 * The store as the automations of the local runtime see it: the same table, whose answers reach them one
 * turn of the event loop later. The SQLite adapter commits every write of a turn at once, acks and runs
 * alike; without this, the dozens of runs whose writes were in that commit continue first, in one burst, and
 * the acks wait behind them. With it, the acks of that commit go out, then the runs continue. A run loses a
 * turn (well under a millisecond) per store call; the webhooks' senders get their answers without waiting
 * for automation work.
 */
export class AckFirstTable implements Table {
  constructor(private readonly inner: Table) {}

  get<T = Item>(key: Key, options?: { consistent?: boolean }): Promise<T | undefined> {
    return afterThisTurn(this.inner.get<T>(key, options));
  }

  put(item: Item, condition?: Condition): Promise<void> {
    return afterThisTurn(this.inner.put(item, condition));
  }

  update<T = Item>(key: Key, changes: UpdateChanges, condition?: Condition): Promise<T> {
    return afterThisTurn(this.inner.update<T>(key, changes, condition));
  }

  delete(key: Key, condition?: Condition): Promise<void> {
    return afterThisTurn(this.inner.delete(key, condition));
  }

  query<T = Item>(input: QueryInput): Promise<T[]> {
    return afterThisTurn(this.inner.query<T>(input));
  }

  /** The runtime closes the table itself. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
