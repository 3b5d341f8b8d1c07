import { originalRunOf, type RunRecord } from '../../shared/runs/run';
import { readReplayStanding, whyNotReplayed } from '../../shared/runs/replay-chain';
import type { RunQuery, RunStore } from '../../shared/runs/run-store';

/** How many runs a bulk replay reads at a time while it plans. */
const PAGE_SIZE = 100;

/** What a bulk replay does: the runs it replays, the matching runs it leaves and why, and how many more it would replay. */
export interface BulkReplayPlan {
  /** The runs to replay, newest first, at most `limit`. */
  replay: RunRecord[];
  /** Runs that match and are not replayed: each with the reason. */
  skipped: { runId: string; reason: string }[];
  /** Runs beyond `limit` that would be replayed too. */
  more: number;
}

/**
 * Plans a bulk replay of the runs `query` matches, newest first. Failed runs are taken by event: the
 * original run and its replays are attempts at one event, replayed once, through the latest attempt, and
 * only when that attempt failed — not when a replay recovered the event, is queued, or the original was
 * completed by a redrive. Runs of another status are replayed as they are (the admin asked for them).
 * Every matching run is read, so that `more` is exact.
 */
export async function planBulkReplay(runs: RunStore, query: Omit<RunQuery, 'cursor' | 'limit'>, limit: number): Promise<BulkReplayPlan> {
  const plan: BulkReplayPlan = { replay: [], skipped: [], more: 0 };
  /** What was decided for each event (by its original run): replayed through a run, beyond the limit, or left and why. */
  const decided = new Map<string, { replayed: string } | { beyondLimit: true } | { reason: string }>();
  const take = (run: RunRecord) => {
    if (plan.replay.length < limit) plan.replay.push(run);
    else plan.more += 1;
  };
  for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
    const page = await runs.page({ ...query, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) });
    cursor = page.nextCursor;
    for (const run of page.runs) {
      if (query.status !== 'failed') {
        take(run);
        continue;
      }
      const original = originalRunOf(run.runId);
      let decision = decided.get(original);
      if (decision === undefined) {
        const standing = await readReplayStanding(runs, run);
        if (standing.state === 'failed') {
          decision = plan.replay.length < limit ? { replayed: standing.latest.runId } : { beyondLimit: true };
          take(standing.latest);
        } else decision = { reason: whyNotReplayed(standing) };
        decided.set(original, decision);
      }
      if ('reason' in decision) plan.skipped.push({ runId: run.runId, reason: decision.reason });
      else if ('replayed' in decision && decision.replayed !== run.runId) plan.skipped.push({ runId: run.runId, reason: `its latest attempt ${decision.replayed} is replayed instead` });
    }
  }
  return plan;
}
