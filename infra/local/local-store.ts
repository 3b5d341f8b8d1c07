import { join } from 'node:path';
import type { Clock } from '../../shared/clock/clock';
import { SqliteTable } from '../../shared/store/sqlite-table';
import type { Table } from '../../shared/store/table';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

/** Where the local runtime keeps its state: an SQLite file (the default), or a DynamoDB endpoint. */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'dynamodb'; endpoint: string; tableName: string };

export interface LocalStore {
  table: Table;
  location: StoreLocation;
  /** The SQLite table, when that is the store (it sweeps expired items; DynamoDB's TTL does that itself). */
  sqlite: SqliteTable | undefined;
  /** Closes the store (and stops its background checkpoints). */
  close(): Promise<void>;
}

/** The SQLite file of a data directory. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'switchboard.db');
}

/** The store the settings name: DynamoDB at `DYNAMODB_ENDPOINT`, else SQLite in the data directory. */
export function localStoreLocation(input: { dataDir: string; dynamoEndpoint?: string | undefined; tableName?: string; inMemory?: boolean }): StoreLocation {
  if (input.dynamoEndpoint !== undefined) return { kind: 'dynamodb', endpoint: input.dynamoEndpoint, tableName: input.tableName ?? 'switchboard' };
  return { kind: 'sqlite', file: input.inMemory ? ':memory:' : sqliteFileIn(input.dataDir) };
}

/**
 * Opens the local store, chosen once (`localStoreLocation`). The AWS SDK is loaded only for DynamoDB
 * (whose table is created if needed), so a local start on SQLite does not pay for it.
 *
 * @example
 * const { table } = await openLocalStore(localStoreLocation({ dataDir: '.switchboard' }), clock);
 */
export async function openLocalStore(
  location: StoreLocation,
  clock: Clock,
  options: { readonly?: boolean; /** Checkpoint the SQLite file from a worker thread (the runtime: its acks never wait for one). */ checkpointInBackground?: boolean; onCheckpointFailure?: (reason: string) => void } = {},
): Promise<LocalStore> {
  if (location.kind === 'dynamodb') {
    const [{ createDocumentClient }, { ensureTable }, { DynamoDbTable }] = await Promise.all([
      import('../../shared/store/dynamodb-client'),
      import('../../shared/store/ensure-table'),
      import('../../shared/store/dynamodb-table'),
    ]);
    const doc = createDocumentClient({ endpoint: location.endpoint });
    await ensureTable(doc, location.tableName);
    const table = new DynamoDbTable(doc, location.tableName, clock);
    return { table, location, sqlite: undefined, close: () => table.close() };
  }
  const readonly = options.readonly ?? false;
  const background = options.checkpointInBackground === true && !readonly && location.file !== ':memory:';
  const sqlite = SqliteTable.open(location.file, clock, { readonly, checkpoints: background ? 'elsewhere' : 'automatic' });
  let failed = false;
  const checkpointer: WalCheckpointer | undefined = background
    ? startWalCheckpointer(location.file, {
        onFailure: (reason) => {
          if (failed) return;
          failed = true;
          // Without the worker, SQLite checkpoints as it always does: in the commit that fills the log.
          sqlite.checkpointAutomatically();
          void checkpointer?.stop();
          options.onCheckpointFailure?.(reason);
        },
      })
    : undefined;
  return {
    table: sqlite,
    location,
    sqlite,
    async close() {
      await checkpointer?.stop();
      await sqlite.close();
    },
  };
}
