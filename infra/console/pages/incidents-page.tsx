import type { Incident } from '../../../functions/paging/incident';
import type { PageRecord } from '../../../functions/paging/incident-store';
import { CopyableId } from '../components/copyable-id';
import { CsrfField } from '../components/csrf-field';
import { LocalTime } from '../components/local-time';
import { StatusBadge } from '../components/status-badge';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** An incident with its escalation so far. */
export interface IncidentView {
  incident: Incident;
  pages: readonly PageRecord[];
  /** When the next person is paged unless someone acknowledges. */
  nextPageAt: Date | undefined;
  /** The acknowledgement asked for from this console, not processed yet: the page reloads when it is. */
  watchUrl: string | undefined;
}

export interface IncidentsPageProps {
  view: ConsoleView;
  /** Every open incident, then the most recent acknowledged ones. */
  incidents: readonly IncidentView[];
  /** Said at the top after an action: "Acknowledgement of INC-… requested". */
  notice: string | undefined;
}

/** Paging incidents, open ones first: who was paged when, delivery, who acknowledged; Acknowledge naming who. */
export function IncidentsPage(props: IncidentsPageProps) {
  const { view } = props;
  const open = props.incidents.filter(({ incident }) => incident.status !== 'acknowledged').length;
  return (
    <Layout view={view} title="Incidents">
      {props.notice === undefined ? null : <p class="notice" role="status">{props.notice}</p>}
      <p>
        {props.incidents.length === 0
          ? 'No incidents yet: nobody has been paged.'
          : `${open} open incident${open === 1 ? '' : 's'}, all listed first; ${props.incidents.length === open ? 'none acknowledged.' : `then the ${props.incidents.length - open} most recent acknowledged.`}`}
      </p>
      {props.incidents.map((entry) => <IncidentSection entry={entry} view={view} />)}
    </Layout>
  );
}

function IncidentSection(props: { entry: IncidentView; view: ConsoleView }) {
  const { incident, pages, nextPageAt } = props.entry;
  const { view } = props;
  const headingId = `incident-${incident.id}`;
  const total = incident.chain.length * (incident.repeats + 1);
  return (
    <section class="incident" id={incident.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {incident.severity} for {incident.customer} <StatusBadge status={incident.status} />
      </h2>
      <dl class="facts">
        <dt>Incident</dt>
        <dd><CopyableId id={incident.id} label="incident id" /></dd>
        <dt>ACK code</dt>
        <dd><CopyableId id={incident.code} label="ACK code" /></dd>
        <dt>Opened</dt>
        <dd><LocalTime instant={incident.openedAt} view={view} /> by {incident.requestedBy}</dd>
        <dt>Chain</dt>
        <dd>{incident.chain.map((member) => member.name).join(' → ')}{incident.repeats > 0 ? `, repeated ${incident.repeats} time${incident.repeats === 1 ? '' : 's'}` : ''}</dd>
      </dl>
      <h3>Escalation</h3>
      <ol class="timeline">
        <li>
          <strong>Opened</strong> by {incident.requestedBy}
          <br />
          <span class="when"><LocalTime instant={incident.openedAt} view={view} /></span>
        </li>
        {pages.map((page) => (
          <li>
            <strong>Page {page.step + 1} of {total}</strong> to {page.to} <StatusBadge status={page.deliveryStatus ?? 'sent'} />
            <br />
            <span class="when"><LocalTime instant={page.sentAt} view={view} />, message <CopyableId id={page.sid} label="message SID" /></span>
          </li>
        ))}
        {incident.status === 'acknowledged' ? (
          <li>
            <strong>Acknowledged by {incident.acknowledgedBy ?? 'someone'}</strong>: escalation stopped
            <br />
            <span class="when"><LocalTime instant={incident.acknowledgedAt} view={view} /></span>
          </li>
        ) : incident.status === 'unanswered' ? (
          <li>
            <strong>Nobody acknowledged</strong>: every page went unanswered, and the fallback channel was told
          </li>
        ) : nextPageAt !== undefined ? (
          <li>
            <strong>Next page</strong> unless someone acknowledges
            <br />
            <span class="when"><LocalTime instant={nextPageAt} view={view} /></span>
          </li>
        ) : null}
      </ol>
      {incident.status === 'acknowledged' ? null : props.entry.watchUrl !== undefined ? (
        <p class="notice" data-watch={props.entry.watchUrl}>Acknowledgement requested: this page shows it when it is done.</p>
      ) : (
        <form method="post" action="/incidents/ack" class="inline">
          <CsrfField view={view} />
          <input type="hidden" name="incident" value={incident.id} />
          <label for={`ack-by-${incident.id}`}>Who is on it</label>
          <input id={`ack-by-${incident.id}`} name="by" required autocomplete="name" placeholder="Your name" />
          <button type="submit" class="primary">Acknowledge {incident.id}</button>
        </form>
      )}
    </section>
  );
}
