import type { RunRecord } from '../../../shared/runs/run';
import type { Output } from '../output';

/** A run in full, as `runs show` prints it. */
export function describeRun(run: RunRecord, output: Output): string[] {
  return [
    `Run ${run.runId}: ${run.status} (attempt ${run.attempts}, ${run.durationMs} ms)`,
    `  trigger   ${run.trigger.detailType} ${run.trigger.eventId}, received ${output.time(run.trigger.receivedAt)}`,
    `  started   ${output.time(run.startedAt)}`,
    ...(run.replayOf === undefined ? [] : [`  replays   ${run.replayOf}`]),
    ...(run.lastReplay === undefined ? [] : [`  replayed  ${run.replays ?? 1} time${(run.replays ?? 1) === 1 ? '' : 's'}, latest as ${run.lastReplay}`]),
    ...(run.recoveredBy === undefined ? [] : [`  recovered by ${run.recoveredBy}: it handled this run's event without failing`]),
    ...(run.error === undefined ? [] : [`  error     ${run.error.name}: ${run.error.message}${run.error.transient ? ' (transient)' : ''}`]),
    ...(run.closedBy === undefined ? [] : [`  closed    ${output.time(run.closedBy.at)} by ${run.closedBy.runId}: ${run.closedBy.reason}`]),
    '  steps',
    ...run.steps.map((step) => `    ${step.outcome.padEnd(8)} ${step.name}${step.detail === undefined ? '' : ` — ${step.detail}`} (${step.durationMs} ms)`),
  ];
}
