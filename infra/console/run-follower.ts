import type { RunRecord } from '../../shared/runs/run';
import type { RunQuery, RunStore } from '../../shared/runs/run-store';

/** How far before the newest run seen the follower looks again for runs saved late, or saved again. */
const LOOK_BACK_MS = 5 * 60_000;

/** The time-index sort key of a run: `{startedAt}#{runId}`. */
export const runSortKey = (run: Pick<RunRecord, 'startedAt' | 'runId'>) => `${run.startedAt}#${run.runId}`;

/**
 * Follows the run history for the live runs page: each `poll` returns the runs that are new or changed
 * since the last one. New runs come from `RunStore.newerThan` (after the newest seen); since a run is
 * saved when it ends, and again for each retry, under the time it started, the runs of the last minutes
 * before it are read again, and those whose status or attempts changed (or which were saved after a
 * newer one) come back too.
 */
export class RunFollower {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly runs: RunStore,
    private readonly query: Omit<RunQuery, 'cursor' | 'since' | 'limit'>,
    private cursor: string,
  ) {}

  /** The sort key after which runs are new: what a reconnecting page sends back (`Last-Event-ID`). */
  get position(): string {
    return this.cursor;
  }

  /** Takes the runs already shown as seen, so that only their changes come back. */
  async start(): Promise<void> {
    for (const run of await this.recent()) this.seen.set(run.runId, fingerprint(run));
  }

  async poll(): Promise<RunRecord[]> {
    const changed = new Map<string, RunRecord>();
    const next = await this.runs.newerThan(this.cursor, { ...this.query, limit: 100 });
    this.cursor = next.cursor;
    for (const run of next.runs) changed.set(run.runId, run);
    for (const run of await this.recent()) if (this.seen.get(run.runId) !== fingerprint(run)) changed.set(run.runId, run);
    for (const run of changed.values()) this.seen.set(run.runId, fingerprint(run));
    return [...changed.values()].sort((a, b) => (runSortKey(a) < runSortKey(b) ? -1 : 1));
  }

  private async recent(): Promise<RunRecord[]> {
    const newest = Date.parse(this.cursor.split('#')[0] ?? '');
    if (Number.isNaN(newest)) return [];
    return (await this.runs.page({ ...this.query, since: new Date(newest - LOOK_BACK_MS), limit: 100 })).runs;
  }
}

function fingerprint(run: RunRecord): string {
  return `${run.status}:${run.attempts}:${run.finishedAt}`;
}
