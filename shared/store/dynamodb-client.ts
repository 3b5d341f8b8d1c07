import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The DynamoDB document client: the AWS default chain on AWS, or an explicit endpoint (the embedded server,
 * DynamoDB Local) with throwaway credentials.
 *
 * @example
 * const doc = createDocumentClient({ endpoint: 'http://127.0.0.1:4567' });
 */
export function createDocumentClient(options: { endpoint?: string | undefined; region?: string } = {}): DynamoDBDocumentClient {
  const client =
    options.endpoint === undefined
      ? new DynamoDBClient(options.region === undefined ? {} : { region: options.region })
      : new DynamoDBClient({
          endpoint: options.endpoint,
          region: options.region ?? 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 3,
        });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
