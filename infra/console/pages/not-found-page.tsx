import type { ConsoleView } from '../console-view';
import { Layout } from './layout';

/** What the console says of something it does not have (a run that expired, a mistyped address). */
export function NotFoundPage(props: { view: ConsoleView; what: string; hint: string }) {
  return (
    <Layout view={props.view} title="Not found">
      <p>{props.what}</p>
      <p>{props.hint}</p>
    </Layout>
  );
}
