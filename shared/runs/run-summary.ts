import type { RunRecord, Step } from './run';

/**
 * The step that decided a run's outcome: the filter that stopped it, the step that failed or waits, else
 * its last step (a run that succeeded did everything).
 */
export function decidingStep(run: Pick<RunRecord, 'status' | 'steps' | 'closedBy'>): Step | undefined {
  // A closed run waited: the step that waited tells its story.
  const status = run.closedBy === undefined ? run.status : 'waiting';
  return [...run.steps].reverse().find((step) => step.outcome === status || (status === 'failed' && step.outcome === 'failed')) ?? run.steps.at(-1);
}

/**
 * What a run did, or why it stopped, in one line: the step that decided its outcome (the filter that
 * stopped it, the step that failed or waits), with its detail; a wait that is over says what ended it (the closure),
 * a replay what it replays, and a failed run that a replay recovered says which.
 */
export function runSummary(run: RunRecord): string {
  const deciding = decidingStep(run);
  const why = deciding === undefined ? '' : `${deciding.name}${deciding.detail === undefined ? '' : `: ${deciding.detail}`}`;
  const story = run.closedBy === undefined ? why : `${why}; over: ${run.closedBy.reason}`;
  const replay = run.replayOf === undefined ? story : `replay of ${run.replayOf}; ${story}`;
  // First: a failed run that was recovered needs nobody any more.
  return run.recoveredBy === undefined ? replay : `recovered by ${run.recoveredBy}; ${replay}`;
}
