import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { IngestRequest } from './http';

/** API Gateway's request (HTTP API, payload 2.0) as ingest's, with the body back to its exact bytes, which signatures cover. */
export function fromHttpApi(event: APIGatewayProxyEventV2): IngestRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    query: new URLSearchParams(event.rawQueryString),
    rawQuery: event.rawQueryString ?? '',
    headers,
    body,
  };
}
