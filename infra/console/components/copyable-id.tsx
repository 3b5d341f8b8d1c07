/**
 * An id shown whole (it wraps rather than being cut) with a Copy button. The button appears once the
 * console's script runs; without it the id is still there to select.
 */
export function CopyableId(props: { id: string; label: string; href?: string }) {
  return (
    <span class="id">
      {props.href === undefined ? <code>{props.id}</code> : <a href={props.href}><code>{props.id}</code></a>}
      <button type="button" class="copy" data-copy={props.id} aria-label={`Copy ${props.label} ${props.id}`} hidden>
        Copy
      </button>
    </span>
  );
}
