import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * The console's secrets, new at every launch: the `token` in the URL it prints, the `session` the token is
 * exchanged for (an HttpOnly, SameSite=Strict cookie), and the `csrf` token every form that changes state
 * carries.
 */
export interface ConsoleSecrets {
  token: string;
  session: string;
  csrf: string;
}

/**
 * The session cookie's name, one per port: browsers keep cookies by host, not by port (RFC 6265 §8.5), so
 * two consoles open at once (a local one and a stack's) would otherwise each overwrite the other's session.
 */
export function sessionCookieName(port: number): string {
  return `switchboard_console_${port}`;
}

export function newConsoleSecrets(): ConsoleSecrets {
  const secret = () => randomBytes(32).toString('base64url');
  return { token: secret(), session: secret(), csrf: secret() };
}

/** The hosts the console answers to: its own loopback address and port, nothing a DNS rebinding could name. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Guards every request of the console, in this order:
 * 1. a `Host` other than 127.0.0.1:PORT or localhost:PORT is refused (421): a page of another site that
 *    rebinds its name to 127.0.0.1 reaches the console only under its own name;
 * 2. `?token=` is exchanged, once and in constant time, for the session cookie (this port's), and the
 *    browser is sent to the same address without it (so that the token leaves the address bar and the history);
 * 3. without the session cookie: 401;
 * 4. a request that changes state must be a POST, from the console's own origin (`Origin`, and
 *    `Sec-Fetch-Site` where the browser sends it), carrying the CSRF token in its form: else 403.
 */
export function consoleSecurity(secrets: ConsoleSecrets, port: number): MiddlewareHandler {
  const hosts = allowedHosts(port);
  const cookie = sessionCookieName(port);
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!hosts.includes(host)) return c.text(`421 Misdirected Request: this console answers only at http://127.0.0.1:${port}/`, 421);

    const url = new URL(c.req.url);
    const token = url.searchParams.get('token');
    if (token !== null) {
      if (!sameSecret(token, secrets.token)) return refuse(c, 'the token in this address is not the one of the running console');
      setCookie(c, cookie, secrets.session, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    if (!sameSecret(getCookie(c, cookie) ?? '', secrets.session)) return refuse(c, 'open the console with the address `switchboard console` printed');

    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.method !== 'POST') return c.text('405 Method Not Allowed', 405, { allow: 'GET, HEAD, POST' });
      const origin = c.req.header('origin');
      if (origin !== `http://${host}`) return c.text('403 Forbidden: a change must come from a page of this console (its Origin)', 403);
      const fetchSite = c.req.header('sec-fetch-site');
      if (fetchSite !== undefined && fetchSite !== 'same-origin') return c.text('403 Forbidden: a change must come from a page of this console', 403);
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const csrf = form['csrf'];
      if (typeof csrf !== 'string' || !sameSecret(csrf, secrets.csrf)) return c.text('403 Forbidden: the form is missing its CSRF token; reload the page and try again', 403);
    }
    await next();
  };
}

function refuse(c: Context, why: string): Response {
  return c.text(`401 Unauthorized: ${why}.`, 401);
}

/** Constant-time comparison of a presented secret with the expected one. */
function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
