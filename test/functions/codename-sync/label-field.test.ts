import { describe, expect, it } from 'vitest';
import { fieldValueOf, labelsOf, withLabel } from '../../../functions/codename-sync/label-field';

describe("an Account's label field", () => {
  it('splits on the separator, trims, drops empty parts and repeats (any letter case)', () => {
    expect(labelsOf(' customer-acme ;; Customer-ACME; customer-acme-eu ;', ';')).toEqual(['customer-acme', 'customer-acme-eu']);
    expect(labelsOf(null, ';')).toEqual([]);
    expect(labelsOf('customer-a, customer-b', ',')).toEqual(['customer-a', 'customer-b']);
  });

  it('is empty (null) without labels, else the labels joined by the separator', () => {
    expect(fieldValueOf([], ';')).toBeNull();
    expect(fieldValueOf(['customer-a', 'Renewal Q3'], ';')).toBe('customer-a;Renewal Q3');
  });

  it('gets a new codename at the end, keeping every other label', () => {
    expect(withLabel('prospect-old;Renewal Q3', 'customer-acme', ';')).toBe('prospect-old;Renewal Q3;customer-acme');
    expect(withLabel(null, 'customer-acme', ';')).toBe('customer-acme');
  });

  it('does not get a codename it has, in any letter case: nothing to write', () => {
    expect(withLabel('Customer-Acme;other', 'customer-acme', ';')).toBeUndefined();
  });

  it('has a renamed codename replaced in place', () => {
    expect(withLabel('a;customer-old;b', 'customer-new', ';', 'customer-old')).toBe('a;customer-new;b');
  });

  it('loses the old name of a rename when the new one is there already', () => {
    expect(withLabel('customer-old;customer-new', 'customer-new', ';', 'customer-old')).toBe('customer-new');
  });

  it('gets the new name of a rename at the end when the old one was never there', () => {
    expect(withLabel('a', 'customer-new', ';', 'customer-old')).toBe('a;customer-new');
  });
});
