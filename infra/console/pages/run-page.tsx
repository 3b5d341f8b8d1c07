import type { EffectState } from '../../../shared/idempotency/side-effect-ledger';
import type { EffectRecord, RunRecord } from '../../../shared/runs/run';
import { whyNotReplayed, type ReplayStanding } from '../../../shared/runs/replay-chain';
import { CopyableId } from '../components/copyable-id';
import { CsrfField } from '../components/csrf-field';
import { LocalTime } from '../components/local-time';
import { runHref } from '../components/run-row';
import { StatusBadge } from '../components/status-badge';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** A side effect of the run, with what the side-effect ledger holds for its key now. */
export interface EffectView extends EffectRecord {
  /** The ledger's record: `done`, or `pending` while an attempt holds it; undefined when it has none (expired, or released after a failure). */
  ledger: EffectState | undefined;
}

export interface RunPageProps {
  view: ConsoleView;
  run: RunRecord;
  /** The trigger event's detail as JSON, personal data masked. */
  maskedTrigger: string;
  effects: readonly EffectView[] | undefined;
  /** For a failed run: how the attempts at its event stand (whether it is the one to replay). */
  replay?: ReplayStanding | undefined;
}

/** One run: what triggered it, each step as a timeline, the side effects with their keys, and Replay when it failed. */
export function RunPage(props: RunPageProps) {
  const { view, run } = props;
  return (
    <Layout view={view} title={`Run ${run.runId}`}>
      <p>
        <CopyableId id={run.runId} label="run id" /> <StatusBadge status={run.status} />
      </p>
      <dl class="facts">
        <dt>Automation</dt>
        <dd>{run.automation}</dd>
        <dt>Started</dt>
        <dd><LocalTime instant={run.startedAt} view={view} /></dd>
        <dt>Finished</dt>
        <dd><LocalTime instant={run.finishedAt} view={view} /> ({run.durationMs} ms)</dd>
        <dt>Attempts</dt>
        <dd>{run.attempts}</dd>
        {run.replayOf === undefined ? null : (
          <>
            <dt>Replay of</dt>
            <dd><CopyableId id={run.replayOf} label="original run id" href={runHref(run.replayOf)} /></dd>
          </>
        )}
        {run.lastReplay === undefined ? null : (
          <>
            <dt>Replayed</dt>
            <dd>
              {run.replays ?? 1} time{(run.replays ?? 1) === 1 ? '' : 's'}, latest as <CopyableId id={run.lastReplay} label="replay run id" href={runHref(run.lastReplay)} />
            </dd>
          </>
        )}
        {run.recoveredBy === undefined ? null : (
          <>
            <dt>Recovered by</dt>
            <dd>
              <CopyableId id={run.recoveredBy} label="replay run id" href={runHref(run.recoveredBy)} /> <span class="muted">(a replay that handled this run's event without failing)</span>
            </dd>
          </>
        )}
        {run.error === undefined ? null : (
          <>
            <dt>Error</dt>
            <dd>
              {run.error.name}: {run.error.message} {run.error.transient ? '(transient: the bus retries it)' : '(permanent)'}
            </dd>
          </>
        )}
      </dl>
      <ReplayAction view={view} run={run} standing={props.replay} />

      <h2>Trigger</h2>
      <dl class="facts">
        <dt>Event</dt>
        <dd>{run.trigger.detailType}</dd>
        <dt>Event id</dt>
        <dd><CopyableId id={run.trigger.eventId} label="event id" /></dd>
        <dt>Received</dt>
        <dd><LocalTime instant={run.trigger.receivedAt} view={view} /></dd>
      </dl>
      <pre aria-label="The trigger event, personal data masked">{props.maskedTrigger}</pre>

      <h2>Steps</h2>
      {run.steps.length === 0 ? (
        <p>No steps were recorded: the run ended before its first step{run.error === undefined ? '' : ` (${run.error.message})`}.</p>
      ) : (
        <ol class="timeline">
          {run.steps.map((step) => (
            <li>
              <StatusBadge status={step.outcome} /> <strong>{step.name}</strong>
              {step.detail === undefined ? null : <> — {step.detail}</>}
              <br />
              <span class="when">
                <LocalTime instant={step.startedAt} view={view} />, {step.durationMs} ms
              </span>
            </li>
          ))}
        </ol>
      )}

      <h2>Side effects</h2>
      {props.effects === undefined ? (
        <p class="muted">This run was recorded before Switchboard kept the keys of a run's side effects.</p>
      ) : props.effects.length === 0 ? (
        <p>This run asked for no side effect.</p>
      ) : (
        <table class="responsive">
          <caption>Side effects the run asked for, by idempotency key</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">In this run</th>
              <th scope="col">Ledger now</th>
              <th scope="col">Performed by event</th>
            </tr>
          </thead>
          <tbody>
            {props.effects.map((effect) => (
              <tr>
                <td data-label="Key"><CopyableId id={effect.key} label="effect key" /></td>
                <td data-label="In this run">
                  <StatusBadge status={effect.outcome} />
                  {effect.outcome === 'skipped' ? <span class="muted"> already done before</span> : null}
                </td>
                <td data-label="Ledger now">
                  {effect.ledger === undefined ? <span class="muted">no record</span> : <StatusBadge status={effect.ledger.status} />}
                  {effect.ledger?.settledBy === 'found' ? <span class="muted"> (found at the provider after a crash)</span> : null}
                </td>
                <td data-label="Performed by event">{effect.ledger === undefined ? '' : <CopyableId id={effect.ledger.performedBy} label="event id" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/**
 * Replay, on the failed run that is the latest attempt at its event (the rules of a bulk replay); on
 * another failed run, why not, and where to look instead.
 */
function ReplayAction(props: { view: ConsoleView; run: RunRecord; standing: ReplayStanding | undefined }) {
  const { run, standing } = props;
  if (run.status !== 'failed' || standing === undefined) return null;
  if (standing.state === 'failed' && standing.latest.runId === run.runId) {
    return (
      <form method="post" action="/run/replay" class="inline">
        <CsrfField view={props.view} />
        <input type="hidden" name="id" value={run.runId} />
        <button type="submit" class="primary">Replay</button>
        <span class="muted">Runs the automation again on this trigger, as a new run: effects already done are not repeated.</span>
      </form>
    );
  }
  if (standing.state === 'failed') {
    return (
      <p class="muted">
        Not replayed from here: its latest attempt, <CopyableId id={standing.latest.runId} label="latest attempt run id" href={runHref(standing.latest.runId)} />, failed too; replay that one.
      </p>
    );
  }
  if (standing.state === 'recovered' && run.recoveredBy !== undefined) return null; // said above
  return <p class="muted">Not replayed: {whyNotReplayed(standing)}.</p>;
}

/** A replay that was asked for and has not run yet: the page reloads when it has. */
export function PendingRunPage(props: { view: ConsoleView; runId: string; watchUrl: string; target: string }) {
  return (
    <Layout view={props.view} title={`Run ${props.runId}`}>
      <p>
        <CopyableId id={props.runId} label="run id" /> <StatusBadge status="queued" />
      </p>
      <p class="notice" data-watch={props.watchUrl}>
        This replay is queued: {props.target} runs it next (locally, the running <code>npm start</code> picks it up within a second).
        This page shows it when it has run.
      </p>
    </Layout>
  );
}
