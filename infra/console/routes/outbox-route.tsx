import type { Hono } from 'hono';
import { OUTBOX_PROVIDERS } from '../../../shared/providers/outbox';
import { renderPage, type ConsoleContext } from '../console-context';
import { OutboxPage } from '../pages/outbox-page';

/** What dry-run providers would have sent (`switchboard outbox list`). */
export function registerOutboxRoute(app: Hono, context: ConsoleContext): void {
  app.get('/outbox', async (c) => {
    const view = await context.view('/outbox');
    const wanted = c.req.query('provider') ?? '';
    const provider = (OUTBOX_PROVIDERS as readonly string[]).includes(wanted) ? wanted : undefined;
    const entries = await context.target.outbox.list({ limit: 100, ...(provider === undefined ? {} : { provider }) });
    return renderPage(c, <OutboxPage view={view} entries={entries} providers={OUTBOX_PROVIDERS} provider={provider} />);
  });
}
