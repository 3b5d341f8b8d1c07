import { latestAttemptOf, originalRunOf, type RunRecord } from './run';
import type { RunStore } from './run-store';

/**
 * Where the attempts at one event stand: its original run and the replays numbered from it. A failed run
 * needs a replay only when the latest attempt failed too; what is replayed then is that latest attempt.
 */
export type ReplayStanding =
  /** The latest attempt failed: replay it. */
  | { state: 'failed'; latest: RunRecord }
  /** A replay handled the event without failing. */
  | { state: 'recovered'; by: string }
  /** The latest replay was asked for and has not run yet (or is running its first attempt). */
  | { state: 'queued'; replay: string; requestedAt: string | undefined }
  /** The original run did not fail (any more: a redrive completed it). */
  | { state: 'ended'; latest: RunRecord }
  /** The original run is gone (runs.retentionDays), so the replays cannot be numbered from it. */
  | { state: 'no-original'; original: string };

/**
 * How the attempts at an event stand, from its original run and its latest attempt (undefined: not
 * recorded yet). Pure: `readReplayStanding` reads them.
 */
export function replayStandingOf(original: RunRecord, latest: RunRecord | undefined): ReplayStanding {
  if (original.recoveredBy !== undefined) return { state: 'recovered', by: original.recoveredBy };
  const latestId = latestAttemptOf(original);
  if (latest === undefined) return { state: 'queued', replay: latestId, requestedAt: original.lastReplayAt };
  if (latest.status === 'failed') return { state: 'failed', latest };
  // A replay that ended otherwise recovered the event, even where the mark on the original is missing.
  return latest.runId === original.runId ? { state: 'ended', latest } : { state: 'recovered', by: latest.runId };
}

/** Reads the original run and the latest attempt at `run`'s event, and says how they stand. */
export async function readReplayStanding(runs: RunStore, run: RunRecord): Promise<ReplayStanding> {
  if (run.recoveredBy !== undefined) return { state: 'recovered', by: run.recoveredBy };
  const originalId = originalRunOf(run.runId);
  const original = originalId === run.runId ? run : await runs.get(originalId);
  if (original === undefined) return { state: 'no-original', original: originalId };
  const latestId = latestAttemptOf(original);
  const latest = latestId === run.runId ? run : latestId === original.runId ? original : await runs.get(latestId);
  return replayStandingOf(original, latest);
}

/** Why a failed run is not replayed now, in a few words (the CLI and the console say it alike). */
export function whyNotReplayed(standing: Exclude<ReplayStanding, { state: 'failed' }>): string {
  switch (standing.state) {
    case 'recovered':
      return `recovered by ${standing.by}`;
    case 'queued':
      return `its replay ${standing.replay} is queued and has not run yet`;
    case 'ended':
      return `it ${standing.latest.status} when it was tried again`;
    case 'no-original':
      return `its original run ${standing.original} has expired (runs.retentionDays), so its replays cannot be numbered`;
  }
}
