import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createAwsIngest } from './aws-ingest';
import type { IngestRequest } from './http';

const ingest = createAwsIngest();

/** Lambda entry point behind the HTTP API (payload format 2.0): the same ingest as the local server. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await ingest(fromHttpApi(event));
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

/** API Gateway's request as ingest's; the body back to its exact bytes, which signatures cover. */
export function fromHttpApi(event: APIGatewayProxyEventV2): IngestRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString),
    headers,
    body,
  };
}
