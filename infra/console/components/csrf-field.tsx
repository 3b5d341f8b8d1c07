import type { ConsoleView } from '../console-view';

/** The CSRF token a form that changes state must carry (checked by the console's security). */
export function CsrfField(props: { view: ConsoleView }) {
  return <input type="hidden" name="csrf" value={props.view.csrf} />;
}
