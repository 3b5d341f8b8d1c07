import type { FailedDeliveryNow } from '../../admin/recovered-deliveries';
import { CopyableId } from '../components/copyable-id';
import { runHref } from '../components/run-row';
import { CsrfField } from '../components/csrf-field';
import { LocalTime } from '../components/local-time';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** Events an automation could not take after its retries, each with a Redrive action. */
export function DeliveriesPage(props: { view: ConsoleView; failures: readonly FailedDeliveryNow[]; notice: string | undefined }) {
  const { view } = props;
  return (
    <Layout view={view} title="Deliveries">
      {props.notice === undefined ? null : <p class="notice" role="status">{props.notice}</p>}
      <p>
        Events an automation could not take after its retries (locally the failed deliveries, on AWS the automations' dead-letter queues).
        Redrive delivers one again to its automation, once: the same run, tried again.
      </p>
      <table class="responsive">
        <caption>Failed deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Failed</th>
            <th scope="col">Automation</th>
            <th scope="col">Event</th>
            <th scope="col">Attempts</th>
            <th scope="col">Error</th>
            <th scope="col">Id</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.failures.length === 0 ? (
            <tr>
              <td colspan={7}>No failed deliveries: every event reached its automations.</td>
            </tr>
          ) : (
            props.failures.map((failure) => (
              <tr>
                <td data-label="Failed"><LocalTime instant={failure.failedAt} view={view} /></td>
                <td data-label="Automation">{failure.automation}</td>
                <td data-label="Event">{failure.event.detailType} <code>{failure.event.detail.eventId}</code></td>
                <td data-label="Attempts">{failure.attempts}</td>
                <td data-label="Error">
                  {failure.error}
                  {failure.recoveredBy === undefined ? null : (
                    <>
                      <br />
                      <span class="muted">Recovered since by </span>
                      <CopyableId id={failure.recoveredBy} label="replay run id" href={runHref(failure.recoveredBy)} />
                    </>
                  )}
                </td>
                <td data-label="Id"><CopyableId id={failure.id} label="delivery id" /></td>
                <td data-label="Action">
                  <form method="post" action="/deliveries/redrive" class="inline">
                    <CsrfField view={view} />
                    <input type="hidden" name="id" value={failure.id} />
                    <button type="submit" aria-label={`Redrive ${failure.id}`}>Redrive</button>
                  </form>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Layout>
  );
}
