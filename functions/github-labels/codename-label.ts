import type { DetailOf } from '../../shared/events/catalogue';

type Label = DetailOf<'github.label.changed'>['label'];

/** Does a label's name look like a customer codename (`customer-…`, `prospect-…` by default)? */
export function isCodename(name: string, pattern: RegExp): boolean {
  return pattern.test(name);
}

/**
 * The customer a confidential codename label names: its description, trimmed; undefined when it names
 * nobody. The name is confidential: never log it, never write it to the public repository.
 */
export function customerNameOf(label: Label): string | undefined {
  const name = label.description?.trim();
  return name === undefined || name === '' ? undefined : name;
}
