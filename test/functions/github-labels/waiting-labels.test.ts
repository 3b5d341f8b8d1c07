import { describe, expect, it } from 'vitest';
import { waitingLabelsOf } from '../../../functions/github-labels/waiting-labels';

describe('labels waiting on the community', () => {
  it('are those whose name starts with the prefix', () => {
    expect(waitingLabelsOf(['bug', '+more info please', ':incoming', '+Waiting on reporter'], '+')).toEqual(['+more info please', '+Waiting on reporter']);
  });

  it('compare the prefix case-insensitively', () => {
    expect(waitingLabelsOf(['Waiting: reporter', 'waiting: logs', 'needs-triage'], 'WAITING:')).toEqual(['Waiting: reporter', 'waiting: logs']);
  });

  it('do not include a label that merely contains the prefix', () => {
    expect(waitingLabelsOf(['c++', 'a + b'], '+')).toEqual([]);
  });
});
