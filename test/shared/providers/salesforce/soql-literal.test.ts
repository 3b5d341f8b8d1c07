import { describe, expect, it } from 'vitest';
import { accountsNamedQuery } from '../../../../shared/providers/salesforce/salesforce-requests';
import { soqlContainsPattern, soqlLiteral } from '../../../../shared/providers/salesforce/soql-literal';

/** Reads a SOQL string literal back as Salesforce does, and what follows it; throws on an escape Salesforce refuses. */
function readBack(text: string): { value: string; rest: string } {
  expect(text.startsWith("'")).toBe(true);
  const escapes: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', f: '\f', b: '\b' };
  let value = '';
  for (let i = 1; i < text.length; i += 1) {
    const character = text[i] as string;
    if (character === "'") return { value, rest: text.slice(i + 1) };
    if (character === '\\') {
      const next = text[i + 1] as string;
      if (next === 'u') {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 5;
      } else if (escapes[next] !== undefined) {
        value += escapes[next];
        i += 1;
      } else throw new Error(`invalid escape \\${next}`);
    } else value += character;
  }
  throw new Error('unterminated');
}

const HOSTILE_NAMES = [
  "Bob's BBQ",
  "O'Brien & Sons",
  "x' OR Name != '",
  "x\\' OR Name != '",
  'ends with a backslash\\',
  "\\' OR Id != null --",
  '\\\\\\',
  '100% Pure_Water',
  '%',
  '_',
  'two\nlines\r\nand\ttabs',
  'quote " and double quote',
  'bell \u0007 and NUL \u0000',
  "'; DELETE FROM Account; SELECT Id FROM Account WHERE Name = '",
];

describe('SOQL string literals', () => {
  it.each(HOSTILE_NAMES)('reads back exactly as %j, with nothing after the literal', (name) => {
    const literal = soqlLiteral(name);

    const { value, rest } = readBack(literal);

    expect(value).toBe(name);
    expect(rest).toBe('');
  });

  it('escapes backslashes before quotes, so an escaped quote cannot be unescaped', () => {
    expect(soqlLiteral("a\\'b")).toBe("'a\\\\\\'b'");
  });

  it('leaves % and _ as they are: with = they are plain characters', () => {
    expect(soqlLiteral('100% Pure_Water')).toBe("'100% Pure_Water'");
  });

  it('writes new lines, carriage returns and tabs as their escapes, and other control characters as \\u', () => {
    expect(soqlLiteral('a\nb\rc\td\u0007')).toBe("'a\\nb\\rc\\td\\u0007'");
  });

  it('escapes LIKE wildcards in a contains pattern, so they match themselves', () => {
    expect(soqlContainsPattern("100%_Pure's")).toBe("'%100\\%\\_Pure\\'s%'");
  });
});

describe('the query by name', () => {
  it.each(HOSTILE_NAMES)('compares Name with = to exactly %j and nothing else', (name) => {
    const soql = accountsNamedQuery(name, 'GitHub_label__c');

    const prefix = 'SELECT Id, Name, GitHub_label__c, LastModifiedDate FROM Account WHERE Name = ';
    expect(soql.startsWith(prefix)).toBe(true);
    const { value, rest } = readBack(soql.slice(prefix.length));
    expect(value).toBe(name);
    expect(rest).toBe(' ORDER BY Id LIMIT 20');
  });

  it('refuses a field that is not a custom field API name: it is an identifier, never escaped', () => {
    expect(() => accountsNamedQuery('Acme', "Name FROM Account WHERE Name != ''")).toThrow(/not a custom field API name/);
  });
});
