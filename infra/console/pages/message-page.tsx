import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/**
 * What the console says instead of a page: something it does not have (a run that expired, a mistyped
 * address), an action it cannot do as asked, or a failure.
 */
export function MessagePage(props: { view: ConsoleView; title: string; what: string; hint: string }) {
  return (
    <Layout view={props.view} title={props.title}>
      <p role="alert">{props.what}</p>
      {props.hint === '' ? null : <p>{props.hint}</p>}
    </Layout>
  );
}
