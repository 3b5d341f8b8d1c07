import type { ConsoleView } from '../console-view';

/** An instant in the business time zone, with its exact value for machines (`datetime`). */
export function LocalTime(props: { instant: string | Date | undefined; view: ConsoleView }) {
  if (props.instant === undefined) return <span class="muted">—</span>;
  const iso = typeof props.instant === 'string' ? props.instant : props.instant.toISOString();
  return <time datetime={iso}>{props.view.time(props.instant)}</time>;
}
