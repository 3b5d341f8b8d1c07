import type { OutboxEntry } from '../../../shared/providers/outbox';
import { LocalTime } from '../components/local-time';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** What the dry-run providers would have sent, exactly as the live adapters would send it. */
export function OutboxPage(props: { view: ConsoleView; entries: readonly OutboxEntry[]; providers: readonly string[]; provider: string | undefined }) {
  const { view } = props;
  return (
    <Layout view={view} title="Outbox">
      <p>Calls the providers in dry-run recorded instead of sending them, newest first.</p>
      <form class="filters" method="get" action="/outbox" role="search" aria-label="Filter the outbox">
        <div>
          <label for="o-provider">Provider</label>
          <select id="o-provider" name="provider">
            <option value="">All</option>
            {props.providers.map((provider) => <option value={provider} selected={props.provider === provider}>{provider}</option>)}
          </select>
        </div>
        <div>
          <button type="submit" class="primary">Show</button>
        </div>
      </form>
      <table class="responsive">
        <caption>{props.provider === undefined ? 'Recorded calls' : `Recorded ${props.provider} calls`}</caption>
        <thead>
          <tr>
            <th scope="col">Recorded</th>
            <th scope="col">Provider</th>
            <th scope="col">Operation</th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.length === 0 ? (
            <tr>
              <td colspan={4}>{props.provider === undefined ? 'The outbox is empty: no dry-run provider has been asked to send anything.' : `No ${props.provider} calls in the outbox.`}</td>
            </tr>
          ) : (
            props.entries.map((entry) => (
              <tr>
                <td data-label="Recorded"><LocalTime instant={entry.recordedAt} view={view} /></td>
                <td data-label="Provider">{entry.provider}</td>
                <td data-label="Operation"><code>{entry.operation}</code></td>
                <td data-label="Request">
                  <details>
                    <summary>The {entry.operation} request</summary>
                    <pre>{JSON.stringify(entry.request, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Layout>
  );
}
