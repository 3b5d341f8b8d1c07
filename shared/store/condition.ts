/**
 * The conditions a write may require and a query may filter on, as a small structured vocabulary that
 * each store adapter translates (DynamoDB expressions, or an evaluation next to SQLite's row). Callers
 * never write an engine's syntax.
 *
 * Semantics follow DynamoDB's, so that both adapters answer alike: a comparison with a missing attribute,
 * or with a value of another type, does not hold (`notEquals` does); strings compare by their UTF-8 bytes.
 *
 * @example
 * await table.put(item, itemAbsent);
 * await table.update(key, { set: { status: 'done' } }, all(equals('owner', owner), equals('instance', me)));
 */
export type Scalar = string | number | boolean;

export type Condition =
  | { readonly op: 'exists' | 'absent'; readonly attribute: string }
  | { readonly op: 'equals' | 'notEquals'; readonly attribute: string; readonly value: Scalar }
  | { readonly op: 'below' | 'above'; readonly attribute: string; readonly value: string | number }
  | { readonly op: 'all' | 'any'; readonly conditions: readonly Condition[] };

export const exists = (attribute: string): Condition => ({ op: 'exists', attribute });
export const absent = (attribute: string): Condition => ({ op: 'absent', attribute });
export const equals = (attribute: string, value: Scalar): Condition => ({ op: 'equals', attribute, value });
export const notEquals = (attribute: string, value: Scalar): Condition => ({ op: 'notEquals', attribute, value });
/** The attribute is strictly less than `value`. */
export const below = (attribute: string, value: string | number): Condition => ({ op: 'below', attribute, value });
/** The attribute is strictly greater than `value`. */
export const above = (attribute: string, value: string | number): Condition => ({ op: 'above', attribute, value });
export const all = (...conditions: Condition[]): Condition => ({ op: 'all', conditions });
export const any = (...conditions: Condition[]): Condition => ({ op: 'any', conditions });

/** No item has this key (or the one there has expired): the condition of a first write. */
export const itemAbsent: Condition = absent('pk');
/** An item has this key: the condition of an update that must not create one. */
export const itemExists: Condition = exists('pk');

/**
 * Does `condition` hold for `item` (undefined: no item)? The SQLite adapter evaluates conditions with
 * this, and the DynamoDB adapter uses it to know how a condition reads an expired item (as absent).
 */
export function holds(condition: Condition, item: Readonly<Record<string, unknown>> | undefined): boolean {
  switch (condition.op) {
    case 'all':
      return condition.conditions.every((c) => holds(c, item));
    case 'any':
      return condition.conditions.some((c) => holds(c, item));
    case 'exists':
      return item?.[condition.attribute] !== undefined;
    case 'absent':
      return item?.[condition.attribute] === undefined;
    case 'equals':
      return compare(item?.[condition.attribute], condition.value) === 0;
    case 'notEquals':
      return compare(item?.[condition.attribute], condition.value) !== 0;
    case 'below':
      return compare(item?.[condition.attribute], condition.value) === -1;
    case 'above':
      return compare(item?.[condition.attribute], condition.value) === 1;
  }
}

/** -1, 0 or 1; undefined when the two cannot be compared (a missing attribute, another type). */
function compare(actual: unknown, expected: Scalar): -1 | 0 | 1 | undefined {
  if (actual === undefined || actual === null || typeof actual !== typeof expected) return undefined;
  if (typeof expected === 'string') return compareUtf8(actual as string, expected);
  if (actual === expected) return 0;
  if (typeof expected === 'boolean') return undefined; // booleans are equal or not, never ordered
  return (actual as number) < expected ? -1 : 1;
}

/**
 * DynamoDB orders strings by their UTF-8 bytes, SQLite's BINARY collation too; JavaScript's `<` compares
 * UTF-16 code units, which differs above U+FFFF. Compare as the stores do.
 */
export function compareUtf8(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  // Code-unit order is code-point (so UTF-8 byte) order unless a surrogate pair is involved.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) < 0 ? -1 : 1;
}

const SURROGATE = /[\uD800-\uDFFF]/;
