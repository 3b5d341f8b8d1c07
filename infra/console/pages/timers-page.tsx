import type { Timer } from '../../../shared/timers/timers';
import { CopyableId } from '../components/copyable-id';
import { LocalTime } from '../components/local-time';
import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** What fires next: escalations, reminders, checks, soonest first. */
export function TimersPage(props: { view: ConsoleView; timers: readonly Timer[] }) {
  const { view } = props;
  return (
    <Layout view={view} title="Timers">
      <table class="responsive">
        <caption>Pending timers, soonest first</caption>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Automation</th>
            <th scope="col">Kind</th>
            <th scope="col">Subject</th>
            <th scope="col">Id</th>
          </tr>
        </thead>
        <tbody>
          {props.timers.length === 0 ? (
            <tr>
              <td colspan={5}>No pending timers: nothing is due to fire.</td>
            </tr>
          ) : (
            props.timers.map((timer) => (
              <tr>
                <td data-label="Due"><LocalTime instant={timer.dueAt} view={view} /></td>
                <td data-label="Automation">{timer.automation}</td>
                <td data-label="Kind">{timer.kind}</td>
                <td data-label="Subject"><code>{timer.subject}</code></td>
                <td data-label="Id"><CopyableId id={timer.id} label="timer id" /></td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Layout>
  );
}
