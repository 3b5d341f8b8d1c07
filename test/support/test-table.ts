import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Clock } from '../../shared/clock/clock';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { ensureTable } from '../../shared/store/ensure-table';
import { SqliteTable } from '../../shared/store/sqlite-table';
import type { Table } from '../../shared/store/table';

/** The two adapters of the store port. */
export type StoreAdapter = 'sqlite' | 'dynamodb';
export const STORE_ADAPTERS: readonly StoreAdapter[] = ['sqlite', 'dynamodb'];

/**
 * A fresh table, never a mock: an SQLite database of its own (the local default; in memory unless a
 * file is named), or a new table on the embedded DynamoDB API (dynalite) the global setup started.
 */
export async function createTestTable(clock: Clock, adapter: StoreAdapter = 'sqlite', file = ':memory:'): Promise<Table> {
  return adapter === 'sqlite' ? SqliteTable.open(file, clock) : createDynamoDbTestTable(clock);
}

async function createDynamoDbTestTable(clock: Clock): Promise<DynamoDbTable> {
  const doc = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const name = `test-${randomUUID()}`;
  await ensureTable(doc, name);
  return new DynamoDbTable(doc, name, clock);
}
