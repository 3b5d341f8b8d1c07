import { describe, expect, it } from 'vitest';
import { pagedSoFar, personPagedAt, totalPages } from '../../../functions/paging/escalation-plan';

const dana = { name: 'Dana', phone: '+15555550101' };
const sam = { name: 'Sam', phone: '+15555550102' };
const alex = { name: 'Alex', phone: '+15555550103' };
const plan = { chain: [dana, sam, alex], repeats: 1 };

describe('the escalation plan', () => {
  it('pages the chain in order, then once more, then stops', () => {
    expect(totalPages(plan)).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((step) => personPagedAt(plan, step))).toEqual([
      { member: dana, pass: 1 },
      { member: sam, pass: 1 },
      { member: alex, pass: 1 },
      { member: dana, pass: 2 },
      { member: sam, pass: 2 },
      { member: alex, pass: 2 },
    ]);
    expect(personPagedAt(plan, 6)).toBeUndefined();
    expect(personPagedAt(plan, -1)).toBeUndefined();
  });

  it('pages one pass when there are no repeats', () => {
    expect(totalPages({ chain: [dana], repeats: 0 })).toBe(1);
  });

  it('lets everyone paged so far acknowledge', () => {
    expect(pagedSoFar(plan, 0)).toEqual([dana]);
    expect(pagedSoFar(plan, 1)).toEqual([dana, sam]);
    expect(pagedSoFar(plan, 4)).toEqual([dana, sam, alex]);
  });
});
