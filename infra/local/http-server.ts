import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse } from '../../functions/ingest/ingest';
import { payloadTooLarge, serviceUnavailable } from '../../functions/ingest/http-error';
import { MAX_BODY_BYTES, type IngestRequest, type IngestResponse } from '../../functions/ingest/http';

export type IngestHandler = (request: IngestRequest) => Promise<IngestResponse>;

export interface LocalHttpServer {
  server: Server;
  port: number;
  host: string;
  /** Starts answering with `ingest`; until then every request is answered 503 (starting). */
  serve(ingest: IngestHandler): void;
  close(): Promise<void>;
}

/** The port is taken by another program. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly host: string,
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(`port ${port} on ${host} is already in use by another program: stop it, or start Switchboard on another port with PORT=${port + 1} npm start`, options);
  }
}

/**
 * The local runtime's HTTP edge: a `node:http` server in front of the same ingest handler the Lambda
 * runs. It binds first, before anything is created, so that a busy port is reported at once. Bodies over
 * the limit are refused with 413 as soon as they cross it, without reading the rest.
 */
export async function startHttpServer(port: number, host: string): Promise<LocalHttpServer> {
  let ingest: IngestHandler = async () => errorResponse(serviceUnavailable('Switchboard is starting; retry in a moment'));
  const server = createServer((req, res) => {
    void handle(req, res, ingest);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, { cause: error }) : error));
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    host,
    serve(handler) {
      ingest = handler;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeIdleConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, ingest: IngestHandler): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return refuseTooLarge(req, res);
      chunks.push(chunk as Buffer);
    }
  } catch {
    res.destroy(); // the client went away mid-body: nobody to answer
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const response = await ingest({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    rawQuery: url.search.replace(/^\?/, ''),
    headers,
    body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size),
  });
  send(res, response);
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  send(res, errorResponse(payloadTooLarge(MAX_BODY_BYTES)), { connection: 'close' });
  req.resume();
}

function send(res: ServerResponse, response: IngestResponse, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(response.status, { ...response.headers, ...extraHeaders, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
