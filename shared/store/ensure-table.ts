import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from './table-definition';

/**
 * Creates the table on a local endpoint when it does not exist yet, and waits until it is active.
 * Only the local runtime and tests call this; on AWS the stack owns the table.
 */
export async function ensureTable(doc: DynamoDBDocumentClient, tableName: string): Promise<'created' | 'existed'> {
  try {
    await doc.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existed';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await doc.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return 'existed';
    throw error;
  }
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await doc.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return 'created';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`table ${tableName} did not become active`);
}
