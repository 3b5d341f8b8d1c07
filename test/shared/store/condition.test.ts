import { describe, expect, it } from 'vitest';
import { above, below, compareUtf8, equals, holds, notEquals } from '../../../shared/store/condition';
import { prefixUpperBound } from '../../../shared/store/sqlite-table';

describe('conditions', () => {
  it('compare strings by their UTF-8 bytes, as DynamoDB documents it', () => {
    // U+FF5E is below U+1F600 as code points and UTF-8 bytes, above it as UTF-16 code units.
    expect(compareUtf8('\uFF5E', '\u{1F600}')).toBe(-1);
    expect(holds(below('value', '\u{1F600}'), { value: '\uFF5E' })).toBe(true);
    expect(holds(above('value', '\uFF5E'), { value: '\u{1F600}' })).toBe(true);
  });

  it('do not compare values of different types, except to say they differ', () => {
    expect(holds(equals('count', '5'), { count: 5 })).toBe(false);
    expect(holds(notEquals('count', '5'), { count: 5 })).toBe(true);
    expect(holds(below('flag', 1), { flag: true })).toBe(false);
  });

  it('read a missing item as one without attributes', () => {
    expect(holds(equals('status', 'open'), undefined)).toBe(false);
    expect(holds(notEquals('status', 'open'), undefined)).toBe(true);
  });
});

describe('the upper bound of a sort-key prefix', () => {
  it('is the prefix with its last character incremented', () => {
    expect(prefixUpperBound('version#')).toBe('version$');
  });

  it('skips the surrogate range and carries past the last code point', () => {
    expect(prefixUpperBound('a\uD7FF')).toBe('a\uE000');
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
  });

  it('lies above every string that begins with the prefix', () => {
    for (const prefix of ['a', 'version#', 'é', '\u{1F600}']) {
      const bound = prefixUpperBound(prefix) as string;
      for (const suffix of ['', 'z', '\u{10FFFF}', '\u{10FFFF}\u{10FFFF}x']) expect(compareUtf8(prefix + suffix, bound)).toBe(-1);
    }
  });
});
