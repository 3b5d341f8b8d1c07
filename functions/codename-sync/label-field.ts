/**
 * The labels of an Account's label field: split on the separator, trimmed, empty ones dropped, each once
 * (GitHub compares label names case-insensitively, so does this).
 *
 * @example
 * labelsOf('customer-acme; customer-acme-eu;;', ';') // ['customer-acme', 'customer-acme-eu']
 */
export function labelsOf(value: string | null | undefined, separator: string): string[] {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const part of (value ?? '').split(separator)) {
    const label = part.trim();
    if (label === '' || seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    labels.push(label);
  }
  return labels;
}

/** The field's value for these labels: joined by the separator, or null (empty) for none. */
export function fieldValueOf(labels: readonly string[], separator: string): string | null {
  return labels.length === 0 ? null : labels.join(separator);
}

/**
 * The field with `label` added, keeping every other label and its place; a rename (`previous`) replaces the
 * old name where it was. Undefined when the field has it already: nothing to write.
 *
 * @example
 * withLabel('customer-acme', 'customer-acme-eu', ';') // 'customer-acme;customer-acme-eu'
 * withLabel('customer-old;other', 'customer-new', ';', 'customer-old') // 'customer-new;other'
 */
export function withLabel(value: string | null, label: string, separator: string, previous?: string): string | null | undefined {
  const labels = labelsOf(value, separator);
  const has = (name: string) => labels.some((each) => each.toLowerCase() === name.toLowerCase());
  if (has(label)) {
    if (previous === undefined || !has(previous) || previous.toLowerCase() === label.toLowerCase()) return undefined;
    return fieldValueOf(
      labels.filter((each) => each.toLowerCase() !== previous.toLowerCase()),
      separator,
    );
  }
  const at = previous === undefined ? -1 : labels.findIndex((each) => each.toLowerCase() === previous.toLowerCase());
  if (at >= 0) labels[at] = label;
  else labels.push(label);
  return fieldValueOf(labels, separator);
}
