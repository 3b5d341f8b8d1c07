import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttpFetch, HttpTimeoutError } from '../../../../shared/providers/http/node-http-fetch';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('fetch over node:http', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];
  let answer: (res: import('node:http').ServerResponse) => void;

  beforeEach(async () => {
    received.length = 0;
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write, channels:history' });
      res.end('{"ok":true}');
    };
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body it is given, and answers the status, headers and body', async () => {
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });

    const response = await fetch(`${base}/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-1' }, body: 'channel=C1&text=h%C3%A9' });

    expect(received).toEqual([expect.objectContaining({ method: 'POST', url: '/api/chat.postMessage', body: 'channel=C1&text=h%C3%A9' })]);
    expect(received[0]?.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-1', 'content-length': '23' });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('X-OAuth-Scopes')).toBe('chat:write, channels:history');
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'content-type': 'application/json' });
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers an HTTP error as a response, as fetch does', async () => {
    answer = (res) => {
      res.writeHead(429, { 'retry-after': '3' });
      res.end('slow down');
    };

    const response = await createNodeHttpFetch({ timeoutMs: 5_000 })(`${base}/api/x`, { method: 'POST', body: '' });

    expect([response.status, response.ok, response.headers.get('retry-after'), await response.text()]).toEqual([429, false, '3', 'slow down']);
  });

  it('fails with a timeout error when no answer comes in time', async () => {
    answer = () => undefined; // never answers

    const attempt = createNodeHttpFetch({ timeoutMs: 50 })(`${base}/api/x`, { method: 'POST', body: 'a=1' });

    await expect(attempt).rejects.toBeInstanceOf(HttpTimeoutError);
  });

  it("gives up when the caller's signal aborts", async () => {
    answer = () => undefined;
    const controller = new AbortController();

    const attempt = createNodeHttpFetch({ timeoutMs: 60_000 })(`${base}/api/x`, { method: 'POST', body: 'a=1', signal: controller.signal });
    controller.abort(new Error('caller gave up'));

    await expect(attempt).rejects.toThrow('caller gave up');
  });
});
