import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createAwsIngest } from './aws-ingest';
import { fromHttpApi } from './http-api-request';

const ingest = createAwsIngest();

/** Lambda entry point behind the HTTP API (payload format 2.0): the same ingest as the local server. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await ingest(fromHttpApi(event));
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
