import type { RunRecord } from '../../../shared/runs/run';
import { runState } from '../../../shared/runs/run-follower';
import { runSummary } from '../../../shared/runs/run-summary';
import type { ConsoleView } from '../console-view';
import { CopyableId } from './copyable-id';
import { LocalTime } from './local-time';
import { StatusBadge } from './status-badge';

/** A run's page; ids go in the query string, whatever characters an event id holds. */
export const runHref = (runId: string) => `/run?id=${encodeURIComponent(runId)}`;

/** One run in the runs table: the same row on the page and in the live updates. */
export function RunRow(props: { run: RunRecord; view: ConsoleView }) {
  const { run, view } = props;
  return (
    <tr data-run-id={run.runId} data-started={`${run.startedAt}#${run.runId}`} data-state={runState(run)}>
      <td data-label="Started"><LocalTime instant={run.startedAt} view={view} /></td>
      <td data-label="Status"><StatusBadge status={run.status} /></td>
      <td data-label="Automation">{run.automation}</td>
      <td data-label="Run id" class="run-id"><CopyableId id={run.runId} label="run id" href={runHref(run.runId)} /></td>
      <td data-label="What happened" class="summary">{runSummary(run)}</td>
    </tr>
  );
}
