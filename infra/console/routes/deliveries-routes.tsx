import type { Hono } from 'hono';
import { renderPage, type ConsoleContext } from '../console-context';
import { DeliveriesPage } from '../pages/deliveries-page';
import { withRecovery } from '../../admin/recovered-deliveries';

/** The failed deliveries and their Redrive action (`switchboard deliveries list|redrive`). */
export function registerDeliveriesRoutes(app: Hono, context: ConsoleContext): void {
  const { target } = context;

  app.get('/deliveries', async (c) => {
    const view = await context.view('/deliveries');
    const failures = await withRecovery(target.runs, await target.operations.failedDeliveries(100));
    const redriven = c.req.query('redriven');
    const gone = c.req.query('gone');
    const notice =
      redriven !== undefined
        ? `Redriven ${redriven}: ${target.description} delivers it again to its automation.`
        : gone !== undefined
          ? `${gone} is no longer a failed delivery (redriven already?).`
          : undefined;
    return renderPage(c, <DeliveriesPage view={view} failures={failures} notice={notice} />);
  });

  app.post('/deliveries/redrive', async (c) => {
    const form = await c.req.parseBody();
    const id = typeof form['id'] === 'string' ? form['id'] : '';
    const outcome = await target.operations.redrive(id);
    return c.redirect(`/deliveries?${outcome === 'redriven' ? 'redriven' : 'gone'}=${encodeURIComponent(id)}`, 303);
  });
}
