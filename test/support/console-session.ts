import type { Hono } from 'hono';
import type { ConsoleSecrets } from '../../infra/console/console-security';

/** A port the console app is told it listens on, for requests made without a server (`app.request`). */
export const CONSOLE_TEST_PORT = 4711;

export interface ConsoleSession {
  origin: string;
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST from a page of the console itself (its Origin, the CSRF token). */
  post(path: string, form: Record<string, string>): Promise<Response>;
}

/**
 * Opens the console app as a browser does: the printed address with its token first (exchanged for the
 * session cookie), then requests with that cookie and the console's Host.
 */
export async function openConsoleSession(app: Hono, secrets: ConsoleSecrets, port = CONSOLE_TEST_PORT): Promise<ConsoleSession> {
  const origin = `http://127.0.0.1:${port}`;
  const host = `127.0.0.1:${port}`;
  const first = await app.request(`${origin}/?token=${secrets.token}`, { headers: { host } });
  const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (first.status !== 303 || cookie === '') throw new Error(`the console did not take its token (${first.status})`);
  return {
    origin,
    cookie,
    get: async (path, headers = {}) => app.request(`${origin}${path}`, { headers: { host, cookie, ...headers } }),
    post: async (path, form) =>
      app.request(`${origin}${path}`, {
        method: 'POST',
        headers: { host, cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: secrets.csrf, ...form }).toString(),
      }),
  };
}
