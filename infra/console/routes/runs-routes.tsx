import type { Hono } from 'hono';
import type { RunRecord } from '../../../shared/runs/run';
import { replayRunId } from '../../../shared/runs/run';
import { readReplayStanding, whyNotReplayed } from '../../../shared/runs/replay-chain';
import { replayRun } from '../../admin/replay-run';
import { readEffectState } from '../../../shared/idempotency/side-effect-ledger';
import { maskEventDetail } from '../../../shared/events/mask-event';
import { runSummary } from '../../../shared/runs/run-summary';
import { RunRow, runHref } from '../components/run-row';
import { renderPage, type ConsoleContext } from '../console-context';
import { pollStream } from '../poll-stream';
import { MessagePage } from '../pages/message-page';
import { PendingRunPage, RunPage, type EffectView } from '../pages/run-page';
import { RunsPage } from '../pages/runs-page';
import { RunFollower, runSortKey, runState } from '../../../shared/runs/run-follower';
import { filterQueryString, readRunFilters, type RunFilters } from '../run-filters';

const PAGE_SIZE = 50;

/** The runs page (live), a run's page, its replay, and the watch of a queued replay. */
export function registerRunsRoutes(app: Hono, context: ConsoleContext): void {
  const { target } = context;

  app.get('/runs', async (c) => {
    const view = await context.view('/runs');
    const config = (await target.configs.find().catch(() => undefined))?.config;
    const filters = readRunFilters(new URL(c.req.url).searchParams, { automations: context.automations, config, now: target.clock.now(), timeZone: view.timeZone });
    const customers = [...new Set((config?.afterHours.customerChannels ?? []).map((channel) => channel.customer))].sort();
    let runs: RunRecord[] = [];
    let olderHref: string | undefined;
    if (filters.problems.length === 0) {
      if (filters.eventId !== undefined) runs = await runsOfEvent(context, filters.eventId);
      else {
        const page = await target.runs.page({ ...filters.query, limit: PAGE_SIZE });
        runs = page.runs;
        if (page.nextCursor !== undefined) olderHref = `/runs${filterQueryString({ ...filters.form, cursor: page.nextCursor })}`;
      }
    }
    // The newest run of all, not of the filters: the live updates continue from there.
    const newest = (await target.runs.page({ limit: 1 })).runs[0];
    const liveUrl = filters.live && filters.problems.length === 0 ? `/runs/live${filterQueryString({ ...liveFilters(filters), after: newest === undefined ? '' : runSortKey(newest) })}` : undefined;
    return renderPage(
      c,
      <RunsPage view={view} filters={filters} runs={runs} automations={context.automations} customers={customers} liveUrl={liveUrl} olderHref={olderHref} empty={await emptyMessage(context, filters)} />,
    );
  });

  // Server-sent events: each new or changed run as its rendered row. The event id is the follower's
  // position, so a reconnecting browser (Last-Event-ID) continues where it was.
  app.get('/runs/live', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const view = await context.view('/runs');
    const config = (await target.configs.find().catch(() => undefined))?.config;
    const filters = readRunFilters(params, { automations: context.automations, config, now: target.clock.now(), timeZone: view.timeZone });
    const { since: _since, cursor: _cursor, ...query } = filters.query;
    // It starts knowing nothing of what the page shows: the first answer holds the runs of the last minutes
    // too, and the page keeps the rows it has in the same state (a run saved between the page and this
    // connection is new to it, wherever it sorts).
    const follower = new RunFollower(target.runs, query, c.req.header('last-event-id') ?? params.get('after') ?? '');
    follower.start();
    let started = false;
    return pollStream(c, context.livePollMs, async (stream) => {
      if (!started) {
        started = true;
        await stream.writeSSE({ event: 'ready', data: '{}', id: follower.position });
      }
      for (const run of await follower.poll()) {
        const row = await (<RunRow run={run} view={view} />).toString();
        await stream.writeSSE({ event: 'run', id: follower.position, data: JSON.stringify({ runId: run.runId, startedAt: runSortKey(run), state: runState(run), summary: `${run.automation} ${run.status}: ${runSummary(run)}`, html: row }) });
      }
      return 'again';
    });
  });

  app.get('/run', async (c) => {
    const id = c.req.query('id') ?? '';
    const view = await context.view('/runs');
    const run = id === '' ? undefined : await target.runs.get(id);
    if (run === undefined) {
      if (await isQueuedReplay(context, id)) {
        return renderPage(c, <PendingRunPage view={view} runId={id} watchUrl={`/run/watch?id=${encodeURIComponent(id)}&seen=absent`} target={target.description} />);
      }
      return renderPage(c, <MessagePage view={view} title="Not found" what={`There is no run ${id === '' ? '(no id given)' : id}.`} hint="Runs are kept 30 days by default (runs.retentionDays). The runs page lists those there are." />, 404);
    }
    // Only the fields the catalogue says are public (ids, timestamps, statuses, labels): the rest is masked.
    const maskedTrigger = JSON.stringify({ detailType: run.event.detailType, detail: maskEventDetail(run.event.detailType, run.event.detail) }, null, 2);
    const replay = run.status === 'failed' ? await readReplayStanding(target.runs, run) : undefined;
    return renderPage(c, <RunPage view={view} run={run} replay={replay} maskedTrigger={maskedTrigger} effects={await effectsOf(context, run)} />);
  });

  app.post('/run/replay', async (c) => {
    const form = await c.req.parseBody();
    const id = typeof form['id'] === 'string' ? form['id'] : '';
    const run = await target.runs.get(id);
    const view = await context.view('/runs');
    if (run === undefined) return renderPage(c, <MessagePage view={view} title="Not found" what={`There is no run ${id}.`} hint="It may have expired." />, 404);
    if (run.status !== 'failed') {
      return renderPage(c, <MessagePage view={view} title="Not replayed" what={`Run ${id} ${run.status}: only a failed run is replayed from the console.`} hint="`switchboard runs replay` replays any run." />, 409);
    }
    // The rules of a bulk replay: an event is replayed once, through its latest attempt, while that failed.
    const standing = await readReplayStanding(target.runs, run);
    if (standing.state !== 'failed' || standing.latest.runId !== run.runId) {
      const why = standing.state === 'failed' ? `its latest attempt is ${standing.latest.runId}, which failed too: replay that one` : whyNotReplayed(standing);
      return renderPage(c, <MessagePage view={view} title="Not replayed" what={`Run ${id} is not replayed: ${why}.`} hint="`switchboard runs replay RUN_ID` replays any run." />, 409);
    }
    const reservation = await replayRun(target, run, { onlyIfLatest: true });
    switch (reservation.outcome) {
      case 'reserved':
        return c.redirect(runHref(reservation.runId), 303);
      case 'superseded':
        // Asked twice (a double click): the replay asked for first is the one to watch.
        return c.redirect(runHref(reservation.latest), 303);
      case 'no-original':
        return renderPage(c, <MessagePage view={view} title="Not found" what={`The original run ${reservation.original} has expired, so the replays of ${id} cannot be numbered.`} hint="" />, 404);
    }
  });

  // Tells a page waiting for a run (a queued replay) that it has changed: the page reloads.
  app.get('/run/watch', (c) => {
    const id = c.req.query('id') ?? '';
    const seen = c.req.query('seen') ?? 'absent';
    return pollStream(c, context.livePollMs, async (stream) => {
      const run = await target.runs.get(id);
      const now = run === undefined ? 'absent' : `${run.status}:${run.attempts}`;
      if (now === seen) return 'again';
      await stream.writeSSE({ event: 'changed', data: now });
      return 'done';
    });
  });
}

/** The filters the live updates apply (the time range is theirs: new runs are always within it). */
function liveFilters(filters: RunFilters) {
  const { automation, status, customer, channel } = filters.form;
  return { automation, status, customer, channel };
}

/** The runs of one event: an id is `{automation}:{eventId}`, and replays follow it; a run id is taken as it is. */
async function runsOfEvent(context: ConsoleContext, reference: string): Promise<RunRecord[]> {
  const ids = new Set([reference, ...context.automations.map((automation) => `${automation}:${reference}`)]);
  const found: RunRecord[] = [];
  for (const id of ids) {
    const run = await context.target.runs.get(id);
    if (run === undefined) continue;
    found.push(run);
    for (let n = 1; n <= (run.replays ?? 0); n += 1) {
      const replay = await context.target.runs.get(replayRunId(run.runId, n));
      if (replay !== undefined) found.push(replay);
    }
  }
  return found.sort((a, b) => (runSortKey(a) < runSortKey(b) ? 1 : -1));
}

/** A replay id whose original counts it among its replays: asked for, not run yet. */
async function isQueuedReplay(context: ConsoleContext, id: string): Promise<boolean> {
  const match = /^(.*)#replay-(\d+)$/.exec(id);
  if (match === null) return false;
  const original = await context.target.runs.get(match[1] as string);
  return original !== undefined && (original.replays ?? 0) >= Number(match[2]);
}

/** The run's side effects with what the side-effect ledger holds for each key now. */
async function effectsOf(context: ConsoleContext, run: RunRecord): Promise<EffectView[] | undefined> {
  if (run.effects === undefined) return undefined;
  return Promise.all(run.effects.map(async (effect) => ({ ...effect, ledger: await readEffectState(context.target.table, effect.key) })));
}

async function emptyMessage(context: ConsoleContext, filters: RunFilters): Promise<string> {
  if (filters.problems.length > 0) return 'Change the filters above to see runs.';
  if (filters.eventId !== undefined) return `No run has event ${filters.eventId} as its trigger (runs are kept 30 days by default).`;
  const any = (await context.target.runs.page({ limit: 1 })).runs.length > 0;
  if (!any) return 'No runs yet. Try `switchboard simulate slack-message`.';
  return 'No runs match these filters.';
}
