import type { RunRecord } from '../../../shared/runs/run';
import { RunRow } from '../components/run-row';
import type { ConsoleView } from '../console-view';
import { RUN_RANGES, RUN_STATUS_NAMES, type RunFilters } from '../run-filters';
import { Layout } from './layout';

export interface RunsPageProps {
  view: ConsoleView;
  filters: RunFilters;
  runs: readonly RunRecord[];
  automations: readonly string[];
  customers: readonly string[];
  /** The live updates' address; undefined when the filters look at the past only. */
  liveUrl: string | undefined;
  olderHref: string | undefined;
  /** What an empty table says: no runs at all, or none matching. */
  empty: string;
}

/** The run history, newest first, filtered, and live: new runs appear as they finish. */
export function RunsPage(props: RunsPageProps) {
  const { view, filters } = props;
  const { form } = filters;
  return (
    <Layout view={view} title="Runs">
      <form class="filters" method="get" action="/runs" role="search" aria-label="Filter runs">
        <div>
          <label for="f-automation">Automation</label>
          <select id="f-automation" name="automation">
            <option value="">All</option>
            {props.automations.map((name) => <option value={name} selected={form.automation === name}>{name}</option>)}
          </select>
        </div>
        <div>
          <label for="f-status">Status</label>
          <select id="f-status" name="status">
            <option value="">Any</option>
            {RUN_STATUS_NAMES.map((status) => <option value={status} selected={form.status === status}>{status}</option>)}
          </select>
        </div>
        <div>
          <label for="f-range">Time range</label>
          <select id="f-range" name="range">
            {RUN_RANGES.map((range) => <option value={range.value} selected={form.range === range.value}>{range.label}</option>)}
          </select>
        </div>
        <div>
          <label for="f-from">From ({view.timeZone})</label>
          <input id="f-from" name="from" type="datetime-local" value={form.from} />
        </div>
        <div>
          <label for="f-to">To ({view.timeZone})</label>
          <input id="f-to" name="to" type="datetime-local" value={form.to} />
        </div>
        <div>
          <label for="f-customer">Customer</label>
          <select id="f-customer" name="customer">
            <option value="">Any</option>
            {props.customers.map((customer) => <option value={customer} selected={form.customer.toLowerCase() === customer.toLowerCase()}>{customer}</option>)}
          </select>
        </div>
        <div>
          <label for="f-channel">Slack channel id</label>
          <input id="f-channel" name="channel" value={form.channel} placeholder="C0123ABCD" size={12} />
        </div>
        <div>
          <label for="f-event">Event id</label>
          <input id="f-event" name="event" value={form.event} placeholder="Ev08ABCDEF12" size={18} />
        </div>
        <div>
          <button type="submit" class="primary">Show runs</button>
        </div>
        <div>
          <a href="/runs">Clear the filters</a>
        </div>
      </form>
      {filters.problems.map((problem) => <p class="notice problem" role="alert">{problem}</p>)}
      <p class="muted">
        {props.liveUrl === undefined
          ? filters.eventId !== undefined
            ? `The runs of event ${filters.eventId}, whatever the other filters.`
            : 'Live updates are off: these filters look at the past.'
          : 'Live: new runs appear at the top as they finish.'}
      </p>
      <table class="responsive" data-live={props.liveUrl}>
        <caption>Runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Automation</th>
            <th scope="col">Run id</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.length === 0 ? (
            <tr data-empty="">
              <td colspan={5}>{props.empty}</td>
            </tr>
          ) : (
            props.runs.map((run) => <RunRow run={run} view={view} />)
          )}
        </tbody>
      </table>
      {props.olderHref === undefined ? null : (
        <p>
          <a href={props.olderHref}>Older runs</a>
        </p>
      )}
    </Layout>
  );
}
