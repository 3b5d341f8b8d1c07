import { InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';
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

/**
 * An ISO-8601 instant; one without an offset (`2026-11-23T07:00:00`) is read as a wall-clock time in the
 * business time zone, never in the zone of the machine the CLI runs on. Undefined when it is no instant.
 */
export function parseInstant(value: string, timeZone: string): { instant: Date; assumedZone: boolean } | undefined {
  const trimmed = value.trim();
  const hasOffset = /(Z|[+-]\d{2}(:?\d{2})?)$/i.test(trimmed);
  const parsed = hasOffset ? DateTime.fromISO(trimmed, { setZone: true }) : DateTime.fromISO(trimmed, { zone: timeZone });
  return parsed.isValid ? { instant: parsed.toJSDate(), assumedZone: !hasOffset } : undefined;
}

/**
 * The cursor of a page of runs, as `runs list --json` gives it in `nextCursor`: the start time and id of
 * the last run of the previous page.
 */
export function parseRunCursor(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z#.+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a cursor; pass the nextCursor of the previous \`runs list --json\` page as it is.`);
  return value;
}

/** A phone number as Twilio writes it: E.164, like +15555550101. */
export function parsePhoneNumber(value: string): string {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a phone number in E.164 form, like +15555550101.`);
  return value;
}
