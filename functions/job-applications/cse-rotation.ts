import type { Table } from '../../shared/store/table';

const ROTATION_KEY = { pk: 'job-applications#rotation', sk: 'rotation' };

/**
 * Takes the next turn of the round robin: one atomic increment of a counter in the table, which returns
 * the new value (1, 2, 3, …). Concurrent applications each get a turn of their own, none twice, on both
 * store adapters; no read-then-write, so no two can take the same turn.
 */
export async function takeTurn(table: Table): Promise<number> {
  const counter = await table.update<{ next: number }>(ROTATION_KEY, { add: { next: 1 } });
  return counter.next;
}

/**
 * The CSE whose turn it is: turn 1 is the first configured, and so on around the list. Consecutive turns
 * go to different CSEs whenever there are several, and every CSE gets the same share (within one).
 *
 * @example
 * cseForTurn(['Riley', 'Casey', 'Jamie'], 4) // 'Riley'
 */
export function cseForTurn<T>(cses: readonly T[], turn: number): T {
  if (cses.length === 0) throw new RangeError('no CSE is configured');
  if (!Number.isInteger(turn) || turn < 1) throw new RangeError(`a turn is a positive whole number, got ${turn}`);
  return cses[(turn - 1) % cses.length] as T;
}
