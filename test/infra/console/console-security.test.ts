import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget, type Target } from '../../../infra/admin/target';
import { createConsoleApp } from '../../../infra/console/console-app';
import { newConsoleSecrets, sessionCookieName, type ConsoleSecrets } from '../../../infra/console/console-security';
import { CONSOLE_TEST_PORT, openConsoleSession } from '../../support/console-session';

const ORIGIN = `http://127.0.0.1:${CONSOLE_TEST_PORT}`;
const HOST = `127.0.0.1:${CONSOLE_TEST_PORT}`;

describe('the console security', () => {
  let dataDir: string;
  let target: Target;
  let secrets: ConsoleSecrets;
  let app: Hono;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-console-'));
    target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: dataDir }, write: true });
    secrets = newConsoleSecrets();
    app = createConsoleApp({ target, secrets, port: CONSOLE_TEST_PORT });
  });
  afterAll(async () => {
    await target.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 401 to a request without the token or the session cookie', async () => {
    const response = await app.request(`${ORIGIN}/runs`, { headers: { host: HOST } });

    expect(response.status).toBe(401);
    expect(await response.text()).toContain('switchboard console');
  });

  it('answers 401 to a wrong token, and to a forged session cookie', async () => {
    const wrongToken = await app.request(`${ORIGIN}/?token=${newConsoleSecrets().token}`, { headers: { host: HOST } });
    const forged = await app.request(`${ORIGIN}/`, { headers: { host: HOST, cookie: `${sessionCookieName(CONSOLE_TEST_PORT)}=${newConsoleSecrets().session}` } });

    expect(wrongToken.status).toBe(401);
    expect(wrongToken.headers.get('set-cookie')).toBeNull();
    expect(forged.status).toBe(401);
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict session cookie and drops it from the address', async () => {
    const response = await app.request(`${ORIGIN}/runs?status=failed&token=${secrets.token}`, { headers: { host: HOST } });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/runs?status=failed');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${sessionCookieName(CONSOLE_TEST_PORT)}=${secrets.session}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(secrets.token);
  });

  it('names its session cookie after its port: the cookie of a console on another port of the host does not replace it', async () => {
    const otherPort = CONSOLE_TEST_PORT + 1;
    const otherSecrets = newConsoleSecrets();
    const other = createConsoleApp({ target, secrets: otherSecrets, port: otherPort });
    const mine = await openConsoleSession(app, secrets);
    const theirs = await openConsoleSession(other, otherSecrets, otherPort);
    // One jar for the host, as a browser keeps it: both cookies go to both consoles.
    const jar = `${mine.cookie}; ${theirs.cookie}`;

    const here = await app.request(`${ORIGIN}/runs`, { headers: { host: HOST, cookie: jar } });
    const there = await other.request(`http://127.0.0.1:${otherPort}/runs`, { headers: { host: `127.0.0.1:${otherPort}`, cookie: jar } });

    expect(mine.cookie).toBe(`${sessionCookieName(CONSOLE_TEST_PORT)}=${secrets.session}`);
    expect(theirs.cookie).toBe(`${sessionCookieName(otherPort)}=${otherSecrets.session}`);
    expect(here.status).toBe(200);
    expect(there.status).toBe(200);
  });

  it('serves pages with the session cookie, never to be cached nor to leak the address in a Referer', async () => {
    const session = await openConsoleSession(app, secrets);

    const response = await session.get('/runs');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each(['evil.example:4711', `attacker.test:${CONSOLE_TEST_PORT}`, '127.0.0.1:9999', '0.0.0.0:4711', ''])('refuses the Host %j (421), token or not', async (host) => {
    const response = await app.request(`${ORIGIN}/?token=${secrets.token}`, { headers: { host } });

    expect(response.status).toBe(421);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers at localhost:PORT too', async () => {
    const response = await app.request(`http://localhost:${CONSOLE_TEST_PORT}/?token=${secrets.token}`, { headers: { host: `localhost:${CONSOLE_TEST_PORT}` } });

    expect(response.status).toBe(303);
  });

  describe('a request that changes state', () => {
    it('is refused from another origin (403), even with the session cookie and the CSRF token', async () => {
      const session = await openConsoleSession(app, secrets);

      const response = await app.request(`${ORIGIN}/incidents/ack`, {
        method: 'POST',
        headers: { host: HOST, cookie: session.cookie, origin: 'http://127.0.0.1:8080', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: secrets.csrf, incident: 'INC-ANY', by: 'Mallory' }).toString(),
      });

      expect(response.status).toBe(403);
    });

    it('is refused without an Origin (403)', async () => {
      const session = await openConsoleSession(app, secrets);

      const response = await app.request(`${ORIGIN}/deliveries/redrive`, {
        method: 'POST',
        headers: { host: HOST, cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: secrets.csrf, id: 'after-hours:Ev1' }).toString(),
      });

      expect(response.status).toBe(403);
    });

    it('is refused when the browser says it is cross-site (Sec-Fetch-Site), whatever the Origin says', async () => {
      const session = await openConsoleSession(app, secrets);

      const response = await app.request(`${ORIGIN}/deliveries/redrive`, {
        method: 'POST',
        headers: { host: HOST, cookie: session.cookie, origin: ORIGIN, 'sec-fetch-site': 'same-site', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: secrets.csrf, id: 'after-hours:Ev1' }).toString(),
      });

      expect(response.status).toBe(403);
    });

    it('is refused without the CSRF token, or with another launch’s (403)', async () => {
      const session = await openConsoleSession(app, secrets);
      const post = (form: Record<string, string>) =>
        app.request(`${ORIGIN}/deliveries/redrive`, {
          method: 'POST',
          headers: { host: HOST, cookie: session.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        });

      expect((await post({ id: 'after-hours:Ev1' })).status).toBe(403);
      expect((await post({ id: 'after-hours:Ev1', csrf: newConsoleSecrets().csrf })).status).toBe(403);
    });

    it('is refused without the session cookie (401) before anything else is looked at', async () => {
      const response = await app.request(`${ORIGIN}/deliveries/redrive`, {
        method: 'POST',
        headers: { host: HOST, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: secrets.csrf, id: 'after-hours:Ev1' }).toString(),
      });

      expect(response.status).toBe(401);
    });

    it('must be a POST: other methods are 405', async () => {
      const session = await openConsoleSession(app, secrets);

      const response = await app.request(`${ORIGIN}/deliveries/redrive`, { method: 'DELETE', headers: { host: HOST, cookie: session.cookie, origin: ORIGIN } });

      expect(response.status).toBe(405);
    });

    it('is accepted from the console’s own page with its CSRF token', async () => {
      const session = await openConsoleSession(app, secrets);

      const response = await session.post('/deliveries/redrive', { id: 'after-hours:Ev-none' });

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/deliveries?gone=after-hours%3AEv-none');
    });
  });

  it('gives every launch its own token, session and CSRF secret', () => {
    const a = newConsoleSecrets();
    const b = newConsoleSecrets();

    expect(new Set([a.token, a.session, a.csrf, b.token, b.session, b.csrf]).size).toBe(6);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
  });
});
