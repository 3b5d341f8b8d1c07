import type { Hono } from 'hono';
import { renderPage, type ConsoleContext } from '../console-context';
import { TimersPage } from '../pages/timers-page';

/** What fires next (`switchboard timers list`). */
export function registerTimersRoute(app: Hono, context: ConsoleContext): void {
  app.get('/timers', async (c) => {
    const view = await context.view('/timers');
    return renderPage(c, <TimersPage view={view} timers={await context.target.timers.list(200)} />);
  });
}
