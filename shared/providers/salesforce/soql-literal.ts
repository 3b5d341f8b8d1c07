/**
 * A value as a SOQL string literal, quotes included: backslashes are escaped first (so that the escapes
 * added next stay escapes), then single and double quotes, then new lines, carriage returns, tabs and
 * form feeds, and any other control character as `\uXXXX` (Salesforce's "Quoted String Escape
 * Sequences"). jsforce's own builder escapes only quotes, so a name ending in a backslash would escape
 * the closing quote and change the query.
 *
 * `%` and `_` are left as they are: they are wildcards only in LIKE, and `\%`/`\_` are errors anywhere
 * else. Compare with `=`, never LIKE, when a value must match exactly.
 *
 * @example
 * soqlLiteral("Bob's \\ BBQ") // "'Bob\\'s \\\\ BBQ'"
 */
export function soqlLiteral(value: string): string {
  return `'${escapeSoql(value)}'`;
}

/**
 * A LIKE pattern that matches names containing `fragment`: the fragment escaped as in soqlLiteral, then its
 * `%` and `_` escaped too (`\%`, `\_`, valid in LIKE only), so that they match themselves.
 *
 * @example
 * soqlContainsPattern('100%_Pure') // "'%100\\%\\_Pure%'"
 */
export function soqlContainsPattern(fragment: string): string {
  return `'%${escapeSoql(fragment).replace(/%/g, '\\%').replace(/_/g, '\\_')}%'`;
}

function escapeSoql(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\f/g, '\\f')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped;
}
