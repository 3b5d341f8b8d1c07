import { isDeepStrictEqual } from 'node:util';

export interface ConfigChange {
  /** Dotted path, e.g. `businessHours.opens` or `afterHours.customerChannels`. */
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * What differs between two configuration documents, key by key (arrays are compared whole, so a
 * channel added shows as one change of the channel list).
 *
 * @example
 * diffConfig(current.config, parseConfig(text, file)) // [{ path: 'businessHours.opens', before: '06:00', after: '07:00' }]
 */
export function diffConfig(before: unknown, after: unknown, path: readonly string[] = []): ConfigChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffConfig(before[key], after[key], [...path, key]));
  }
  return [{ path: path.join('.'), before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
