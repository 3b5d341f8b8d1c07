/**
 * The labels that wait on the community: those whose name starts with the prefix, compared
 * case-insensitively (the handbook's `+` labels, not a colour).
 *
 * @example
 * waitingLabelsOf(['bug', '+more info please', '+Waiting on reporter'], '+') // ['+more info please', '+Waiting on reporter']
 */
export function waitingLabelsOf(labels: readonly string[], prefix: string): string[] {
  const lowerPrefix = prefix.toLowerCase();
  return labels.filter((label) => label.toLowerCase().startsWith(lowerPrefix));
}
