import type { RunRecord } from './run';

/**
 * What a run did, or why it stopped, in one line: the step that decided its outcome (the filter that
 * stopped it, the step that failed or waits), with its detail; a wait that is over says what ended it.
 */
export function runSummary(run: RunRecord): string {
  // A closed run waited: the step that waited tells its story, the closure how it ended.
  const status = run.closedBy === undefined ? run.status : 'waiting';
  const deciding = [...run.steps].reverse().find((step) => step.outcome === status || (status === 'failed' && step.outcome === 'failed')) ?? run.steps.at(-1);
  const why = deciding === undefined ? '' : `${deciding.name}${deciding.detail === undefined ? '' : `: ${deciding.detail}`}`;
  const story = run.closedBy === undefined ? why : `${why}; over: ${run.closedBy.reason}`;
  return run.replayOf === undefined ? story : `replay of ${run.replayOf}; ${story}`;
}
