import ms from 'ms';
import * as z from 'zod';

/**
 * A duration as people write it in the config: "30s", "5m", "1h", "2 days" (parsed by `ms`). A unit is
 * required, because a bare "5" would silently mean five milliseconds.
 */
export const durationSchema = z
  .string()
  .trim()
  .refine((text) => /[a-z]/i.test(text) && (ms(text as ms.StringValue) ?? 0) >= 1_000, 'must be a duration of at least 1 second with a unit, like "30s" or "5m"');

/** Milliseconds of a validated duration. */
export function durationMs(text: string): number {
  const value = ms(text as ms.StringValue);
  if (value === undefined || value <= 0) throw new RangeError(`"${text}" is not a duration`);
  return value;
}
