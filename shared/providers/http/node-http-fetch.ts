import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** The part of a fetch Response the provider clients read. */
class NodeHttpResponse {
  readonly ok: boolean;
  readonly headers: NodeHttpHeaders;

  constructor(
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    private readonly body: Buffer,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new NodeHttpHeaders(headers);
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}

/** Response headers, read as fetch's Headers are: case-insensitive, repeated values joined. */
class NodeHttpHeaders {
  private readonly values = new Map<string, string>();

  constructor(headers: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }

  forEach(callback: (value: string, name: string) => void): void {
    this.values.forEach(callback);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.values.entries();
  }
}

/** Asked to time out: the request took longer than the client allows. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * A `fetch` over node:http and node:https with keep-alive agents, for the provider clients that accept one
 * (`@slack/web-api`'s `fetch` option) in the local runtime. Node 20's fetch costs about half a millisecond
 * of CPU a call, and the `AbortSignal.timeout` the Slack client creates for each call as much again; this
 * costs a tenth. It does what those clients ask of fetch — a method, headers, a string or byte body, a
 * timeout (its own, or the caller's signal), no redirects followed — and answers the part of a Response
 * they read (status, headers, text, json, arrayBuffer). Anything else (a FormData upload) goes to the
 * platform's fetch.
 *
 * @example
 * new WebClient(token, { fetch: createNodeHttpFetch({ timeoutMs: 10_000 }), timeout: 0 });
 */
export function createNodeHttpFetch(options: { timeoutMs: number }): typeof fetch {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }) };
  const nodeFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = init.body;
    if (input instanceof Request || !(body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array || body instanceof URLSearchParams)) {
      return globalThis.fetch(input, init);
    }
    const url = new URL(String(input));
    const payload = body === undefined || body === null ? undefined : body instanceof Uint8Array ? Buffer.from(body) : Buffer.from(String(body));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (payload !== undefined) headers['content-length'] = String(payload.byteLength);
    if (body instanceof URLSearchParams && headers['content-type'] === undefined) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    const secure = url.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(url, { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const received = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          resolve(new NodeHttpResponse(response.statusCode ?? 0, response.statusMessage ?? '', response.headers, received, url.toString()) as unknown as Response);
        });
      });
      request.setTimeout(options.timeoutMs, () => request.destroy(new HttpTimeoutError(`no answer from ${url.host} within ${options.timeoutMs} ms`)));
      const signal = init.signal;
      if (signal !== undefined && signal !== null) {
        if (signal.aborted) request.destroy(signal.reason instanceof Error ? signal.reason : new HttpTimeoutError('aborted'));
        else signal.addEventListener('abort', () => request.destroy(signal.reason instanceof Error ? signal.reason : new HttpTimeoutError('aborted')), { once: true });
      }
      request.on('error', reject);
      request.end(payload);
    });
  };
  return nodeFetch as typeof fetch;
}
