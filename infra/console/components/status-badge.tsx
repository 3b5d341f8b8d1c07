/** A status in words, coloured by kind (the colour is never the only sign). */
export function StatusBadge(props: { status: string }) {
  return <span class={`status status-${props.status.replace(/[^a-z-]/gi, '')}`}>{props.status}</span>;
}
