import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table (SPEC §1): `pk`/`sk`, one GSI to list things by time, and an `expiresAt` TTL attribute
 * (epoch seconds). The CDK stack and the local runtime both build the table from these names.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeIndex: 'byTime',
  timeIndexPartitionKey: 'gsi1pk',
  timeIndexSortKey: 'gsi1sk',
  ttlAttribute: 'expiresAt',
} as const;

/** CreateTable input for the embedded DynamoDB (on AWS the stack creates the table). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const k = TABLE_KEYS;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: k.partitionKey, AttributeType: 'S' },
      { AttributeName: k.sortKey, AttributeType: 'S' },
      { AttributeName: k.timeIndexPartitionKey, AttributeType: 'S' },
      { AttributeName: k.timeIndexSortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: k.partitionKey, KeyType: 'HASH' },
      { AttributeName: k.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: k.timeIndex,
        KeySchema: [
          { AttributeName: k.timeIndexPartitionKey, KeyType: 'HASH' },
          { AttributeName: k.timeIndexSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
