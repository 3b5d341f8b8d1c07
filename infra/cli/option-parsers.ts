import { InvalidArgumentError } from 'commander';
import ms from 'ms';

/**
 * Parsers of option values: each refuses a bad value with a message that says what is expected, so a
 * mistyped option never silently does something else (`--retries x` sending nothing).
 */

/** A whole number ≥ 1. */
export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more.`);
  return number;
}

/** A whole number ≥ 0. */
export function parseCount(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return number;
}

/** A duration with its unit, "30s", "2h", "3 days" → milliseconds. */
export function parseDuration(value: string): number {
  const milliseconds = /^\s*\d+(\.\d+)?\s*[a-z]+\s*$/i.test(value) ? ms(value as ms.StringValue) : undefined;
  if (milliseconds === undefined || !Number.isFinite(milliseconds) || milliseconds <= 0) throw new InvalidArgumentError(`"${value}" is not a duration like 30m, 2h or 3d.`);
  return milliseconds;
}

/** One of the names a command knows, compared exactly. */
export function oneOf(names: readonly string[], what: string): (value: string) => string {
  return (value) => {
    if (!names.includes(value)) throw new InvalidArgumentError(`"${value}" is not ${what}; use one of ${names.join(', ')}.`);
    return value;
  };
}
