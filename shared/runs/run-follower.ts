import type { RunRecord } from './run';
import type { RunQuery, RunStore } from './run-store';

/** How far before the newest run seen the follower looks again for runs saved late, or saved again. */
const LOOK_BACK_MS = 5 * 60_000;

/** The time-index sort key of a run: `{startedAt}#{runId}`. */
export const runSortKey = (run: Pick<RunRecord, 'startedAt' | 'runId'>) => `${run.startedAt}#${run.runId}`;

/**
 * Follows the run history (the console's live runs page, `runs list --follow`): each `poll` returns the runs that are new or changed
 * since the last one. New runs come from `RunStore.newerThan` (after the newest seen); since a run is
 * saved when it ends, and again for each retry, under the time it started, the runs of the last minutes
 * before it are read again, and those whose status or attempts changed (or which were saved after a
 * newer one) come back too.
 */
export class RunFollower {
  /** What was returned of each run of the look-back window (older ones are forgotten). */
  private readonly seen = new Map<string, { state: string; startedAt: string }>();

  constructor(
    private readonly runs: RunStore,
    private readonly query: Omit<RunQuery, 'cursor' | 'since' | 'limit'>,
    private cursor: string,
  ) {}

  /** The sort key after which runs are new: what a reconnecting page sends back (`Last-Event-ID`). */
  get position(): string {
    return this.cursor;
  }

  /**
   * Takes the runs already shown as seen, so that only their changes come back. Without them (a page that
   * connects later, a reconnection) the first poll returns the runs of the look-back window too, and the
   * reader keeps what it already shows in the same state (`runState`).
   */
  start(shown: readonly RunRecord[] = []): void {
    for (const run of shown) this.remember(run);
  }

  async poll(): Promise<RunRecord[]> {
    const changed = new Map<string, RunRecord>();
    for (let more = true; more; ) {
      const next = await this.runs.newerThan(this.cursor, { ...this.query, limit: 100 });
      this.cursor = next.cursor;
      more = next.more;
      for (const run of next.runs) changed.set(run.runId, run);
    }
    for (const run of await this.recent()) if (this.seen.get(run.runId)?.state !== runState(run)) changed.set(run.runId, run);
    for (const run of changed.values()) this.remember(run);
    this.forgetBefore(this.windowStart());
    return [...changed.values()].sort((a, b) => (runSortKey(a) < runSortKey(b) ? -1 : 1));
  }

  private remember(run: RunRecord): void {
    this.seen.set(run.runId, { state: runState(run), startedAt: run.startedAt });
  }

  /** Runs that started before the look-back window are not read again: what was seen of them can go. */
  private forgetBefore(start: string | undefined): void {
    if (start === undefined) return;
    for (const [runId, { startedAt }] of this.seen) if (startedAt < start) this.seen.delete(runId);
  }

  private windowStart(): string | undefined {
    const newest = Date.parse(this.cursor.split('#')[0] ?? '');
    return Number.isNaN(newest) ? undefined : new Date(newest - LOOK_BACK_MS).toISOString();
  }

  private async recent(): Promise<RunRecord[]> {
    const start = this.windowStart();
    if (start === undefined) return [];
    return (await this.runs.page({ ...this.query, since: new Date(start), limit: 100 })).runs;
  }
}

/** What changes when a run is saved again (a retry, a closure, a recovery by its replay): a reader showing a run in this state has nothing new of it. */
export function runState(run: Pick<RunRecord, 'status' | 'attempts' | 'finishedAt' | 'recoveredBy'>): string {
  return `${run.status}:${run.attempts}:${run.finishedAt}${run.recoveredBy === undefined ? '' : `:${run.recoveredBy}`}`;
}
