import type { RunRecord } from '../../../shared/runs/run';
import type { Output } from '../output';

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

/** A run in full, as `runs show` prints it. */
export function describeRun(run: RunRecord, output: Output): string[] {
  return [
    `Run ${run.runId}: ${run.status} (attempt ${run.attempts}, ${run.durationMs} ms)`,
    `  trigger   ${run.trigger.detailType} ${run.trigger.eventId}, received ${output.time(run.trigger.receivedAt)}`,
    `  started   ${output.time(run.startedAt)}`,
    ...(run.replayOf === undefined ? [] : [`  replays   ${run.replayOf}`]),
    ...(run.lastReplay === undefined ? [] : [`  replayed  ${run.replays ?? 1} time${(run.replays ?? 1) === 1 ? '' : 's'}, latest as ${run.lastReplay}`]),
    ...(run.error === undefined ? [] : [`  error     ${run.error.name}: ${run.error.message}${run.error.transient ? ' (transient)' : ''}`]),
    ...(run.closedBy === undefined ? [] : [`  closed    ${output.time(run.closedBy.at)} by ${run.closedBy.runId}: ${run.closedBy.reason}`]),
    '  steps',
    ...run.steps.map((step) => `    ${step.outcome.padEnd(8)} ${step.name}${step.detail === undefined ? '' : ` — ${step.detail}`} (${step.durationMs} ms)`),
  ];
}
