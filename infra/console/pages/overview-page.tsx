import type { ProviderModes } from '../../admin/provider-modes';
import type { Incident } from '../../../functions/paging/incident';
import { RunsChart } from '../components/runs-chart';
import { StatusBadge } from '../components/status-badge';
import type { ConsoleView } from '../console-view';
import type { HourBucket } from '../runs-per-hour';
import { Layout } from './layout';

export interface OverviewPageProps {
  view: ConsoleView;
  day: readonly HourBucket[];
  week: readonly HourBucket[];
  /** When the week's runs were more than the console reads, how many it read. */
  capped: number | undefined;
  openIncidents: readonly Incident[];
  failedDeliveries: number;
  providers: ProviderModes;
}

/** The hour of an instant in the business time zone (0–23). */
function hourOf(instant: Date, view: ConsoleView): number {
  return Number(view.time(instant).slice(11, 13));
}

/** The state of the Switchboard at a glance. */
export function OverviewPage(props: OverviewPageProps) {
  const { view, providers } = props;
  return (
    <Layout view={view} title="Overview">
      <div class="cards">
        <div class="card">
          <a href="/incidents"><span class="number">{props.openIncidents.length}</span> open incident{props.openIncidents.length === 1 ? '' : 's'}</a>
        </div>
        <div class="card">
          <a href="/deliveries"><span class="number">{props.failedDeliveries}</span> failed deliver{props.failedDeliveries === 1 ? 'y' : 'ies'}</a>
        </div>
        <div class="card">
          <a href="/runs?status=failed&amp;range=24h">
            <span class="number">{props.day.reduce((sum, bucket) => sum + bucket.counts.failed, 0)}</span> failed runs in 24 hours
          </a>
        </div>
      </div>

      {props.openIncidents.length === 0 ? null : (
        <>
          <h2>Open incidents</h2>
          <ul>
            {props.openIncidents.map((incident) => (
              <li>
                <a href={`/incidents#${incident.id}`}>{incident.id}</a>: {incident.severity} for {incident.customer} <StatusBadge status={incident.status} />
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Runs per hour</h2>
      <RunsChart id="chart-day" title="Runs per hour, last 24 hours" buckets={props.day} view={view} label={(start) => (hourOf(start, view) % 6 === 0 ? view.time(start).slice(5, 16) : undefined)} />
      <RunsChart id="chart-week" title="Runs per hour, last 7 days" buckets={props.week} view={view} label={(start) => (hourOf(start, view) === 0 ? view.time(start).slice(0, 10) : undefined)} />
      {props.capped === undefined ? null : <p class="muted">The charts count the latest {props.capped} runs of the week; earlier ones are left out.</p>}

      <h2>Providers</h2>
      <p class="muted">{providers.source}.</p>
      {providers.providers.length === 0 ? null : (
        <table class="responsive">
          <caption>Which providers are live and which record into the outbox</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Mode</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {providers.providers.map((provider) => (
              <tr>
                <td data-label="Provider">{provider.provider}</td>
                <td data-label="Mode"><StatusBadge status={provider.mode} /></td>
                <td data-label="Why">{provider.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
