import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { automations } from '../../functions/registry';
import type { Target } from '../admin/target';
import { createConsoleContext, renderPage } from './console-context';
import { CONSOLE_SCRIPT } from './console-script';
import { consoleSecurity, type ConsoleSecrets } from './console-security';
import { CONSOLE_STYLE } from './console-style';
import { MessagePage } from './pages/message-page';
import { registerConfigRoute } from './routes/config-route';
import { registerDeliveriesRoutes } from './routes/deliveries-routes';
import { registerIncidentsRoutes } from './routes/incidents-routes';
import { registerOutboxRoute } from './routes/outbox-route';
import { registerOverviewRoute } from './routes/overview-route';
import { registerRunsRoutes } from './routes/runs-routes';
import { registerTimersRoute } from './routes/timers-route';

export interface ConsoleAppOptions {
  target: Target;
  secrets: ConsoleSecrets;
  /** The port the console listens on: requests must name it in their Host. */
  port: number;
  /** How often live pages look for changes (default `DEFAULT_LIVE_POLL_MS`). */
  livePollMs?: number;
}

/**
 * Live pages look for changes four times a second, so that a run shows within a second of its end. A look
 * at the runs reads the time index after the newest run shown, and the runs of the five minutes before it
 * (saved late, or again): locally about 0.04 ms when those minutes hold no run, 4 ms when they hold 100; on
 * a stack two DynamoDB queries of 0.5 read units each, or about 12 units with 100 runs (some $0.02 an hour
 * per open runs page at on-demand prices).
 */
export const DEFAULT_LIVE_POLL_MS = 250;

/**
 * The web console (SPEC §2 `console`): server-rendered pages over the same Target the CLI uses, behind
 * the per-launch token, the session cookie, the Host check and the CSRF checks of `consoleSecurity`.
 * No page loads anything from elsewhere: one style sheet and one small script, both served here.
 *
 * @example
 * const app = createConsoleApp({ target, secrets: newConsoleSecrets(), port: 4711 });
 * await app.request('http://127.0.0.1:4711/runs', { headers: { host: '127.0.0.1:4711', cookie } });
 */
export function createConsoleApp(options: ConsoleAppOptions): Hono {
  const context = createConsoleContext({
    target: options.target,
    csrf: options.secrets.csrf,
    livePollMs: options.livePollMs ?? DEFAULT_LIVE_POLL_MS,
    automations: automations.map((automation) => automation.name),
  });
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      // No Referer ever leaves for another origin (the first address carries the token). Same-origin, not
      // no-referrer: with no-referrer, Chromium sends `Origin: null` on the console's own form posts.
      referrerPolicy: 'same-origin',
      // Plain HTTP on the loopback: there is no HTTPS to insist on.
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  app.use(consoleSecurity(options.secrets, options.port));

  app.get('/assets/console.css', (c) => c.body(CONSOLE_STYLE, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/assets/console.js', (c) => c.body(CONSOLE_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  registerOverviewRoute(app, context);
  registerRunsRoutes(app, context);
  registerIncidentsRoutes(app, context);
  registerDeliveriesRoutes(app, context);
  registerTimersRoute(app, context);
  registerOutboxRoute(app, context);
  registerConfigRoute(app, context);

  app.notFound(async (c) => {
    const view = await context.view(c.req.path);
    return renderPage(c, <MessagePage view={view} title="Not found" what={`The console has no page ${c.req.path}.`} hint="The navigation above lists its pages." />, 404);
  });
  // What went wrong, said on the page (an AWS permission missing, the store unreachable); no stack.
  app.onError(async (error, c) => {
    const view = await context.view(c.req.path).catch(() => undefined);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (view === undefined) return c.text(`500 ${message}`, 500);
    return renderPage(c, <MessagePage view={view} title="Something went wrong" what={`The console could not show this page: ${message}`} hint="Reload to try again; the terminal running `switchboard console` says more with LOG_LEVEL=DEBUG." />, 500);
  });
  return app;
}
