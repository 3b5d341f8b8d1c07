import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cseForTurn, takeTurn } from '../../../functions/job-applications/cse-rotation';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable, STORE_ADAPTERS } from '../../support/test-table';

describe('the CSE for a turn', () => {
  const cses = ['Riley', 'Casey', 'Jamie'];

  it('goes round the list from the first', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((turn) => cseForTurn(cses, turn))).toEqual(['Riley', 'Casey', 'Jamie', 'Riley', 'Casey', 'Jamie', 'Riley']);
  });

  it('is always the same one when there is one', () => {
    expect(cseForTurn(['Riley'], 5)).toBe('Riley');
  });

  it('refuses a turn that is not a positive whole number', () => {
    expect(() => cseForTurn(cses, 0)).toThrow(RangeError);
    expect(() => cseForTurn([], 1)).toThrow(RangeError);
  });
});

describe.each(STORE_ADAPTERS)('taking turns on %s', (adapter) => {
  let table: Table;

  beforeEach(async () => {
    table = await createTestTable(new ManualClock('2026-11-20T15:00:00.000Z'), adapter);
  });
  afterEach(async () => {
    await table.close();
  });

  it('numbers turns 1, 2, 3, …', async () => {
    expect([await takeTurn(table), await takeTurn(table), await takeTurn(table)]).toEqual([1, 2, 3]);
  });

  it('gives 20 concurrent takers 20 different turns, none twice', async () => {
    const turns = await Promise.all(Array.from({ length: 20 }, () => takeTurn(table)));

    expect([...turns].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});
