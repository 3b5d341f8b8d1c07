import Database, { type Database as Connection, type Statement } from 'better-sqlite3';
import type { Clock } from '../clock/clock';
import { compareUtf8, holds, type Condition } from './condition';
import { ConditionFailedError, ItemTooLargeError } from './store-errors';
import { TABLE_KEYS } from './table-definition';
import { assertSortKeyBounds, epochSeconds, MAX_ITEM_BYTES, type Item, type Key, type QueryInput, type Table, type UpdateChanges } from './table';

interface Row {
  item: string;
}

/** A write waiting for the next group commit. */
interface PendingWrite {
  apply(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface SqliteTableOptions {
  /** Open an existing file for reading only (the CLI's read commands never create a database). */
  readonly?: boolean;
  /** `elsewhere`: another thread checkpoints the write-ahead log, so this connection never does. Default: SQLite's automatic checkpoints. */
  checkpoints?: 'automatic' | 'elsewhere';
}

/** A busy process commits at most this often (see `write`). */
const COMMIT_INTERVAL_MS = 1;

/** The schema's version, kept in SQLite's `user_version`; a newer file is refused rather than misread. */
const SCHEMA_VERSION = 1;

/**
 * The table on SQLite (`better-sqlite3`): the local runtime's default store, one WAL-mode file that the
 * runtime and the CLI open at the same time. Each item is a JSON document in one row, with its keys, its
 * time-index keys and its expiry as columns; the time index is an SQL index. A conditional write is one
 * immediate transaction (read the row, check the condition, write), so it is atomic across processes.
 *
 * The calls are synchronous underneath; the methods return promises to keep the port's shape.
 *
 * @example
 * const table = SqliteTable.open('.switchboard/switchboard.db', clock);
 */
export class SqliteTable implements Table {
  private readonly statements: {
    select: Statement<[string, string], Row>;
    upsert: Statement<[string, string, string | null, string | null, number | null, string]>;
    remove: Statement<[string, string]>;
    sweep: Statement<[number]>;
  };
  /** Query statements by their SQL: a handful of shapes, each prepared once. */
  private readonly queries = new Map<string, Statement<(string | number)[], Row>>();
  private pending: PendingWrite[] = [];
  private flushScheduled = false;
  private lastFlush = 0;
  private readonly commit: (batch: PendingWrite[]) => unknown[];

  private constructor(
    readonly db: Connection,
    private readonly clock: Clock,
  ) {
    this.statements = {
      select: db.prepare('SELECT item FROM items WHERE pk = ? AND sk = ?'),
      upsert: db.prepare(
        `INSERT INTO items (pk, sk, gsi1pk, gsi1sk, expires_at, item) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (pk, sk) DO UPDATE SET gsi1pk = excluded.gsi1pk, gsi1sk = excluded.gsi1sk, expires_at = excluded.expires_at, item = excluded.item`,
      ),
      remove: db.prepare('DELETE FROM items WHERE pk = ? AND sk = ?'),
      sweep: db.prepare('DELETE FROM items WHERE expires_at IS NOT NULL AND expires_at <= ?'),
    };
    this.commit = db.transaction((batch: PendingWrite[]) =>
      batch.map((write) => {
        try {
          return { value: write.apply() };
        } catch (error) {
          // A refused write (its condition, its size) changed nothing: it fails alone. Anything else
          // (the disk, the database) fails the whole batch.
          if (error instanceof ConditionFailedError || error instanceof ItemTooLargeError || error instanceof TypeError) return { error };
          throw error;
        }
      }),
    ).immediate as (batch: PendingWrite[]) => unknown[];
  }

  /** Opens (and creates, unless read-only) the database file; `:memory:` for a private in-memory one. */
  static open(file: string, clock: Clock, options: SqliteTableOptions = {}): SqliteTable {
    const db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses nothing when a process dies, only (rarely) the last commits on a power cut.
      db.pragma('synchronous = NORMAL');
      // A process that checkpoints from another thread (the local runtime) turns SQLite's own checkpoints
      // off here, so that no commit of this connection pays for one.
      if (options.checkpoints === 'elsewhere') db.pragma('wal_autocheckpoint = 0');
      migrate(db);
    } else {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new Error(`${file} was written by a newer Switchboard (schema ${version})`);
    }
    return new SqliteTable(db, clock);
  }

  /** Turns SQLite's automatic checkpoints back on (when the thread that checkpointed has stopped). */
  checkpointAutomatically(): void {
    this.db.pragma('wal_autocheckpoint = 1000');
  }

  async get<T = Item>(key: Key): Promise<T | undefined> {
    return this.visible(this.statements.select.get(key.pk, key.sk)) as T | undefined;
  }

  async put(item: Item, condition?: Condition): Promise<void> {
    const row = toRow(item);
    await this.write(() => {
      if (condition !== undefined) this.check(condition, this.visible(this.statements.select.get(item.pk, item.sk)));
      this.statements.upsert.run(...row);
    });
  }

  async update<T = Item>(key: Key, changes: UpdateChanges, condition?: Condition): Promise<T> {
    return this.write(() => {
      const stored = this.statements.select.get(key.pk, key.sk);
      const current = stored === undefined ? undefined : (JSON.parse(stored.item) as Item);
      if (condition !== undefined) this.check(condition, this.unlessExpired(current));
      const next = applyChanges(current ?? { ...key }, changes);
      this.statements.upsert.run(...toRow(next));
      return next as T;
    });
  }

  async delete(key: Key, condition?: Condition): Promise<void> {
    await this.write(() => {
      if (condition !== undefined) this.check(condition, this.visible(this.statements.select.get(key.pk, key.sk)));
      this.statements.remove.run(key.pk, key.sk);
    });
  }

  async query<T = Item>(input: QueryInput): Promise<T[]> {
    assertSortKeyBounds(input);
    const [pkColumn, skColumn] = input.byTime ? ['gsi1pk', 'gsi1sk'] : ['pk', 'sk'];
    const clauses = [`${pkColumn} = ?`, '(expires_at IS NULL OR expires_at > ?)'];
    const parameters: (string | number)[] = [input.partition, epochSeconds(this.clock.now())];
    if (input.byTime) clauses.push('gsi1sk IS NOT NULL');
    if (input.beginsWith !== undefined) {
      clauses.push(`${skColumn} >= ?`);
      parameters.push(input.beginsWith);
      const upper = prefixUpperBound(input.beginsWith);
      if (upper !== undefined) {
        clauses.push(`${skColumn} < ?`);
        parameters.push(upper);
      }
    }
    if (input.after !== undefined) {
      clauses.push(`${skColumn} > ?`);
      parameters.push(input.after);
    }
    if (input.before !== undefined) {
      clauses.push(`${skColumn} < ?`);
      parameters.push(input.before);
    }
    const order = input.descending ? 'DESC' : 'ASC';
    // Without a filter the limit goes to SQL; with one, rows are read until enough of them match.
    const limit = input.filter === undefined && input.limit !== undefined ? ` LIMIT ${Math.floor(input.limit)}` : '';
    const sql = `SELECT item FROM items WHERE ${clauses.join(' AND ')} ORDER BY ${skColumn} ${order}${limit}`;
    const items: T[] = [];
    let statement = this.queries.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<(string | number)[], Row>(sql);
      this.queries.set(sql, statement);
    }
    for (const row of statement.iterate(...parameters)) {
      const item = JSON.parse(row.item) as Item;
      if (input.filter !== undefined && !holds(input.filter, item)) continue;
      items.push(item as T);
      if (input.limit !== undefined && items.length >= input.limit) break;
    }
    return items;
  }

  /** Deletes expired items (reads already ignore them); the local runtime calls it in the background. */
  sweepExpired(): number {
    return this.statements.sweep.run(epochSeconds(this.clock.now())).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.flush();
      this.db.close();
    }
  }

  /**
   * Queues a write for the next group commit: at the end of this event-loop turn, or, when the last commit
   * was less than a millisecond ago (the process is busy), a millisecond after it — so that a busy process
   * commits larger batches (a commit costs about as much as a dozen writes) while an idle one waits for none.
   */
  private write<T>(apply: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        const wait = this.lastFlush + COMMIT_INTERVAL_MS - performance.now();
        if (wait > 0) setTimeout(() => this.flush(), wait);
        else setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the queued writes in one IMMEDIATE transaction (the write lock first, so no other process writes between a read and its write). */
  private flush(): void {
    this.flushScheduled = false;
    this.lastFlush = performance.now();
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: { value?: unknown; error?: unknown }[];
    try {
      outcomes = this.commit(batch) as { value?: unknown; error?: unknown }[];
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index] as { value?: unknown; error?: unknown };
      if ('error' in outcome) write.reject(outcome.error);
      else write.resolve(outcome.value);
    });
  }

  private check(condition: Condition, current: Item | undefined): void {
    if (!holds(condition, current)) throw new ConditionFailedError('conditional write did not apply');
  }

  private visible(row: Row | undefined): Item | undefined {
    return row === undefined ? undefined : this.unlessExpired(JSON.parse(row.item) as Item);
  }

  private unlessExpired(item: Item | undefined): Item | undefined {
    const expiresAt = item?.[TABLE_KEYS.ttlAttribute];
    return typeof expiresAt === 'number' && expiresAt <= epochSeconds(this.clock.now()) ? undefined : item;
  }
}

function migrate(db: Connection): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`the database was written by a newer Switchboard (schema ${version})`);
  if (version === SCHEMA_VERSION) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS items (
      pk TEXT NOT NULL,
      sk TEXT NOT NULL,
      gsi1pk TEXT,
      gsi1sk TEXT,
      expires_at INTEGER,
      item TEXT NOT NULL,
      PRIMARY KEY (pk, sk)
    );
    CREATE INDEX IF NOT EXISTS items_by_time ON items (gsi1pk, gsi1sk) WHERE gsi1pk IS NOT NULL;
    CREATE INDEX IF NOT EXISTS items_by_expiry ON items (expires_at) WHERE expires_at IS NOT NULL;
    PRAGMA user_version = ${SCHEMA_VERSION};
  `);
}

/** The row of an item, checked as DynamoDB checks it: size, and string time-index keys. */
function toRow(item: Item): [string, string, string | null, string | null, number | null, string] {
  const json = JSON.stringify(item);
  if (json.length > MAX_ITEM_BYTES && Buffer.byteLength(json) > MAX_ITEM_BYTES) {
    throw new ItemTooLargeError(`item ${item.pk}/${item.sk} is larger than ${MAX_ITEM_BYTES} bytes`);
  }
  const timeKey = (name: string): string | null => {
    const value = item[name];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw new TypeError(`${name} must be a string, like every index key`);
    return value;
  };
  const gsi1pk = timeKey(TABLE_KEYS.timeIndexPartitionKey);
  const gsi1sk = timeKey(TABLE_KEYS.timeIndexSortKey);
  const expiresAt = item[TABLE_KEYS.ttlAttribute];
  // Like DynamoDB's sparse index: an item is in the time index only when it has both keys.
  return [item.pk, item.sk, gsi1sk === null ? null : gsi1pk, gsi1pk === null ? null : gsi1sk, typeof expiresAt === 'number' ? expiresAt : null, json];
}

function applyChanges(current: Item, changes: UpdateChanges): Item {
  const next: Record<string, unknown> = { ...current };
  for (const [attribute, value] of Object.entries(changes.set ?? {})) if (value !== undefined) next[attribute] = value;
  for (const [attribute, value] of Object.entries(changes.setIfMissing ?? {})) if (next[attribute] === undefined && value !== undefined) next[attribute] = value;
  for (const [attribute, value] of Object.entries(changes.add ?? {})) {
    const before = next[attribute] ?? 0;
    if (typeof before !== 'number') throw new TypeError(`cannot add to ${attribute}: it is not a number`);
    next[attribute] = before + value;
  }
  for (const attribute of changes.remove ?? []) delete next[attribute];
  return next as Item;
}

/**
 * The smallest string above every string that begins with `prefix`, in UTF-8 byte order: the prefix with
 * its last code point incremented. Undefined when no such string exists (a prefix of U+10FFFF only).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = [...prefix].map((char) => char.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = codePoints.pop() as number;
    if (last < 0x10ffff) {
      codePoints.push(last === 0xd7ff ? 0xe000 : last + 1);
      const bound = String.fromCodePoint(...codePoints);
      return compareUtf8(bound, prefix) > 0 ? bound : undefined;
    }
  }
  return undefined;
}
