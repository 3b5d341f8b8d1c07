import type { Hono } from 'hono';
import { IncidentStore } from '../../../functions/paging/incident-store';
import type { RunRecord } from '../../../shared/runs/run';
import { renderPage, type ConsoleContext } from '../console-context';
import { OverviewPage } from '../pages/overview-page';
import { runsPerHour } from '../runs-per-hour';

/** The most runs the overview reads for its week chart: a team's week is far below it. */
const MOST_RUNS = 10_000;

/** The overview: runs per hour (24 hours, 7 days), open incidents, failed deliveries, providers. */
export function registerOverviewRoute(app: Hono, context: ConsoleContext): void {
  const { target } = context;

  app.get('/', async (c) => {
    const view = await context.view('/');
    const now = target.clock.now();
    const week = await runsSince(context, new Date(now.getTime() - 7 * 86_400_000));
    const [openIncidents, failures, providers] = await Promise.all([
      new IncidentStore(target.table, target.clock).list({ openOnly: true, limit: 50 }),
      target.operations.failedDeliveries(100),
      target.providers(),
    ]);
    return renderPage(
      c,
      <OverviewPage
        view={view}
        day={runsPerHour(week.runs, now, 24, view.timeZone)}
        week={runsPerHour(week.runs, now, 168, view.timeZone)}
        capped={week.capped ? week.runs.length : undefined}
        openIncidents={openIncidents}
        failedDeliveries={failures.length}
        providers={providers}
      />,
    );
  });
}

/** Runs started since `since`, newest first, page after page up to MOST_RUNS. */
async function runsSince(context: ConsoleContext, since: Date): Promise<{ runs: Pick<RunRecord, 'startedAt' | 'status'>[]; capped: boolean }> {
  const runs: Pick<RunRecord, 'startedAt' | 'status'>[] = [];
  let cursor: string | undefined;
  do {
    const page = await context.target.runs.page({ since, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    runs.push(...page.runs.map(({ startedAt, status }) => ({ startedAt, status })));
    cursor = page.nextCursor;
  } while (cursor !== undefined && runs.length < MOST_RUNS);
  return { runs, capped: cursor !== undefined };
}
