/** Where automations read the time. Injected everywhere, so that time rules are testable with fixed instants. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs on in real time: `SWITCHBOARD_NOW` for demos and tests, so
 * that "Sunday 10:00 PT" can be reproduced while timers still come due.
 *
 * @example
 * const clock = clockStartingAt(new Date('2026-11-22T10:00:00-08:00'));
 */
export function clockStartingAt(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
