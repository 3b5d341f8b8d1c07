import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../clock/clock';
import { compareUtf8, type Condition } from './condition';
import { ExpressionBuilder } from './dynamodb-expression';
import { ConditionFailedError, ItemTooLargeError } from './store-errors';
import { TABLE_KEYS } from './table-definition';
import { assertSortKeyBounds, epochSeconds, type Item, type Key, type QueryInput, type Table, type UpdateChanges } from './table';

/**
 * The table on DynamoDB (AWS, or any endpoint named by `DYNAMODB_ENDPOINT`), through the document client.
 * Conditions become condition expressions that read an expired item as absent.
 *
 * @example
 * const table = new DynamoDbTable(createDocumentClient(), 'switchboard', systemClock);
 */
export class DynamoDbTable implements Table {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
    private readonly clock: Clock,
  ) {}

  async get<T = Item>(key: Key, options: { consistent?: boolean } = {}): Promise<T | undefined> {
    const { Item: item } = await this.doc.send(
      new GetCommand({ TableName: this.name, Key: key, ConsistentRead: options.consistent ?? false }),
    );
    return item === undefined || this.isExpired(item) ? undefined : (item as T);
  }

  async put(item: Item, condition?: Condition): Promise<void> {
    const expression = this.conditionParts(condition);
    await this.send(() => this.doc.send(new PutCommand({ TableName: this.name, Item: item, ...expression })));
  }

  async update<T = Item>(key: Key, changes: UpdateChanges, condition?: Condition): Promise<T> {
    const builder = new ExpressionBuilder();
    const sets = [
      ...Object.entries(changes.set ?? {}).map(([a, v]) => `${builder.name(a)} = ${builder.value(v)}`),
      ...Object.entries(changes.setIfMissing ?? {}).map(([a, v]) => {
        const name = builder.name(a);
        return `${name} = if_not_exists(${name}, ${builder.value(v)})`;
      }),
    ];
    const adds = Object.entries(changes.add ?? {}).map(([a, v]) => `${builder.name(a)} ${builder.value(v)}`);
    const removes = (changes.remove ?? []).map((a) => builder.name(a));
    const clauses = [
      sets.length > 0 ? `SET ${sets.join(', ')}` : '',
      adds.length > 0 ? `ADD ${adds.join(', ')}` : '',
      removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '',
    ].filter(Boolean);
    if (clauses.length === 0) throw new Error('update needs at least one change');
    const conditionExpression = condition === undefined ? undefined : builder.conditionHonouringExpiry(condition, this.nowSeconds());
    const output = await this.send(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.name,
          Key: key,
          UpdateExpression: clauses.join(' '),
          ConditionExpression: conditionExpression,
          ExpressionAttributeNames: builder.names,
          ExpressionAttributeValues: Object.keys(builder.values).length > 0 ? builder.values : undefined,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return output.Attributes as T;
  }

  async delete(key: Key, condition?: Condition): Promise<void> {
    const expression = this.conditionParts(condition);
    await this.send(() => this.doc.send(new DeleteCommand({ TableName: this.name, Key: key, ...expression })));
  }

  async query<T = Item>(input: QueryInput): Promise<T[]> {
    assertSortKeyBounds(input);
    const builder = new ExpressionBuilder();
    const pk = builder.name(input.byTime ? TABLE_KEYS.timeIndexPartitionKey : TABLE_KEYS.partitionKey);
    const skName = input.byTime ? TABLE_KEYS.timeIndexSortKey : TABLE_KEYS.sortKey;
    const descending = input.descending ?? false;
    let keyCondition = `${pk} = ${builder.value(input.partition)}`;
    // DynamoDB takes one sort-key condition: the bound iteration starts from goes there, the other ends the loop.
    const start = descending ? input.before : input.after;
    const end = descending ? input.after : input.before;
    if (input.beginsWith !== undefined) {
      keyCondition += ` AND begins_with(${builder.name(skName)}, ${builder.value(input.beginsWith)})`;
    } else if (start !== undefined) {
      keyCondition += ` AND ${builder.name(skName)} ${descending ? '<' : '>'} ${builder.value(start)}`;
    } else if (end !== undefined) {
      keyCondition += ` AND ${builder.name(skName)} ${descending ? '>' : '<'} ${builder.value(end)}`;
    }
    const pastEnd = (item: Record<string, unknown>) => {
      if (end === undefined || start === undefined) return false;
      const order = compareUtf8(String(item[skName]), end);
      return descending ? order <= 0 : order >= 0;
    };
    const filter = `${builder.notExpired(this.nowSeconds())}${input.filter === undefined ? '' : ` AND ${builder.condition(input.filter)}`}`;
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    // A filter can empty a page, so keep reading until the limit is met or the range ends.
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.name,
          IndexName: input.byTime ? TABLE_KEYS.timeIndex : undefined,
          KeyConditionExpression: keyCondition,
          FilterExpression: filter,
          ExpressionAttributeNames: builder.names,
          ExpressionAttributeValues: builder.values,
          ScanIndexForward: !descending,
          Limit: input.limit,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        if (pastEnd(item)) return items;
        items.push(item as T);
        if (input.limit !== undefined && items.length >= input.limit) return items;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  async close(): Promise<void> {
    this.doc.destroy();
  }

  private nowSeconds(): number {
    return epochSeconds(this.clock.now());
  }

  private isExpired(item: Record<string, unknown>): boolean {
    const expiresAt = item[TABLE_KEYS.ttlAttribute];
    return typeof expiresAt === 'number' && expiresAt <= this.nowSeconds();
  }

  private conditionParts(condition: Condition | undefined) {
    if (condition === undefined) return {};
    const builder = new ExpressionBuilder();
    return {
      ConditionExpression: builder.conditionHonouringExpiry(condition, this.nowSeconds()),
      ExpressionAttributeNames: builder.names,
      ExpressionAttributeValues: builder.values,
    };
  }

  private async send<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConditionFailedError('conditional write did not apply', { cause: error });
      }
      if (error instanceof Error && error.name === 'ValidationException' && /item size/i.test(error.message)) {
        throw new ItemTooLargeError(error.message, { cause: error });
      }
      throw error;
    }
  }
}
