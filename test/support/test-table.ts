import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Clock } from '../../shared/clock/clock';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { ensureTable } from '../../shared/store/ensure-table';
import { Table } from '../../shared/store/table';

/** A fresh table on the embedded DynamoDB the global setup started: the real DynamoDB API, never a mock. */
export async function createTestTable(clock: Clock): Promise<Table> {
  const doc = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const name = `test-${randomUUID()}`;
  await ensureTable(doc, name);
  return new Table(doc, name, clock);
}

/** A table name for a local runtime started in a test. */
export function uniqueTableName(): string {
  return `test-${randomUUID()}`;
}
