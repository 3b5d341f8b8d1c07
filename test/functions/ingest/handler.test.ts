import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { fromHttpApi } from '../../../functions/ingest/http-api-request';

function httpApiEvent(overrides: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/webhooks/slack/events',
    rawQueryString: 'token=abc',
    headers: { 'Content-Type': 'application/json', 'x-slack-signature': 'v0=1' },
    requestContext: { http: { method: 'POST', path: '/webhooks/slack/events', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'Slackbot' } } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
    body: '{"a":1}',
    ...overrides,
  };
}

describe('the HTTP API adapter of ingest', () => {
  it('passes method, path, query and lower-cased headers through', () => {
    const request = fromHttpApi(httpApiEvent({}));
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/webhooks/slack/events');
    expect(request.query.get('token')).toBe('abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body.toString('utf8')).toBe('{"a":1}');
  });

  it('restores the exact bytes of a base64-encoded body, which the signature covers', () => {
    const raw = Buffer.from('payload=%7B%22caf%C3%A9%22%7D ☕', 'utf8');
    const request = fromHttpApi(httpApiEvent({ isBase64Encoded: true, body: raw.toString('base64') }));
    expect(request.body.equals(raw)).toBe(true);
  });

  it('gives an empty body when there is none', () => {
    expect(fromHttpApi(httpApiEvent({ body: undefined })).body.length).toBe(0);
  });
});
