import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Target } from '../admin/target';
import { createConsoleApp } from './console-app';
import { newConsoleSecrets } from './console-security';

/** The console's address: loopback only, never the webhook server's (which tunnels and API Gateway expose). */
export const CONSOLE_HOST = '127.0.0.1';
/** The port tried first when none is asked for. */
export const DEFAULT_CONSOLE_PORT = 4711;

export interface RunningConsole {
  /** The address to open: it carries the per-launch token. */
  url: string;
  /** The console's origin, without the token. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** The port asked for is taken, or is the webhook server's. */
export class ConsolePortError extends Error {
  override readonly name = 'ConsolePortError';
}

/**
 * Serves the console for `target` on 127.0.0.1: on `port` when given (failing if it is taken), else on
 * 4711 or, if that is taken, any free port. A new token, session and CSRF secret every launch.
 *
 * @example
 * const console = await startConsoleServer({ target });
 * console.log(console.url); // http://127.0.0.1:4711/?token=…
 */
export async function startConsoleServer(input: { target: Target; port?: number | undefined; livePollMs?: number }): Promise<RunningConsole> {
  const webhookPort = input.target.baseUrlKnown && input.target.baseUrl !== undefined ? portOf(input.target.baseUrl) : undefined;
  if (input.port !== undefined && input.port === webhookPort) {
    throw new ConsolePortError(`port ${input.port} is the webhook server's (${input.target.baseUrl}): the console never shares it; choose another with --port`);
  }
  const secrets = newConsoleSecrets();
  let fetch: ((request: Request) => Response | Promise<Response>) | undefined;
  // Global Request/Response are left alone: the CLI's other code runs in this process.
  const server = createAdaptorServer({ fetch: (request) => (fetch as (request: Request) => Response | Promise<Response>)(request), overrideGlobalObjects: false }) as Server;
  let port: number;
  try {
    port = await listen(server, input.port ?? DEFAULT_CONSOLE_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (input.port !== undefined) throw new ConsolePortError(`port ${input.port} is in use on ${CONSOLE_HOST}: choose another with --port`, { cause: error });
    port = await listen(server, 0);
  }
  if (port === webhookPort) {
    await close(server);
    return startConsoleServer({ ...input, port: 0 });
  }
  const app = createConsoleApp({ target: input.target, secrets, port, ...(input.livePollMs === undefined ? {} : { livePollMs: input.livePollMs }) });
  fetch = (request) => app.fetch(request);
  const origin = `http://${CONSOLE_HOST}:${port}`;
  return { url: `${origin}/?token=${secrets.token}`, origin, port, close: () => close(server) };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, CONSOLE_HOST, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function close(server: Server): Promise<void> {
  // Live pages hold their event streams open: end them, or close would wait for them.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function portOf(url: string): number | undefined {
  try {
    const parsed = new URL(url);
    return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  } catch {
    return undefined;
  }
}
