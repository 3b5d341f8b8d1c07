import { describe, expect, it } from 'vitest';
import { customerNameOf, isCodename } from '../../../functions/github-labels/codename-label';

const PATTERN = new RegExp('^(customer|prospect)-[a-z0-9-]+$');

describe('codename labels', () => {
  it('match the codename pattern', () => {
    expect(['customer-blue-heron', 'prospect-k2', 'customer-7'].every((name) => isCodename(name, PATTERN))).toBe(true);
    expect(['bug', 'customer-', 'Customer-blue', 'customer-blue heron', 'my-customer-x'].some((name) => isCodename(name, PATTERN))).toBe(false);
  });

  it('name their customer in the description, trimmed', () => {
    expect(customerNameOf({ name: 'customer-blue-heron', color: '5319e7', description: '  Globex Corporation ' })).toBe('Globex Corporation');
    expect(customerNameOf({ name: 'customer-blue-heron', color: '5319e7', description: '   ' })).toBeUndefined();
    expect(customerNameOf({ name: 'customer-blue-heron', color: '5319e7', description: null })).toBeUndefined();
  });
});
