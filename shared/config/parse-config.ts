import { isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLParseError, type Document } from 'yaml';
import type { Config } from './config-schema';
import { ConfigError, validateConfig } from './validate-config';

// Validation lives apart from YAML parsing, so that functions that only read stored configurations do not bundle a YAML parser.
export { ConfigError, validateConfig, type ConfigIssue } from './validate-config';

/**
 * Parses and validates the YAML configuration, with errors that name the path and line of each bad value.
 *
 * @example
 * const config = parseConfig(await readFile('switchboard.config.yaml', 'utf8'), 'switchboard.config.yaml');
 */
export function parseConfig(yamlText: string, source: string): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const line = firstError instanceof YAMLParseError ? firstError.linePos?.[0].line : undefined;
    throw new ConfigError(source, [{ path: '', message: firstError.message.split('\n')[0] ?? 'is not valid YAML', ...(line === undefined ? {} : { line }) }], {
      cause: firstError,
    });
  }
  const lineOf = (path: PropertyKey[]) => lineOfEntry(document, lineCounter, path);
  return validateConfig(document.toJS(), source, lineOf);
}

/**
 * The line of the entry at `path`: a map key's own line, or a list item's. A missing entry is reported at
 * the deepest entry that exists (a missing key at its parent key).
 */
function lineOfEntry(document: Document, lineCounter: LineCounter, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const container = document.getIn(path.slice(0, depth - 1), true);
    const segment = path[depth - 1];
    let range: [number, number, number] | undefined | null;
    if (isMap(container)) {
      const pair = container.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      range = isScalar(pair?.key) ? pair.key.range : undefined;
    } else if (isSeq(container) && typeof segment === 'number') {
      const item = container.items[segment] as { range?: [number, number, number] | null } | undefined;
      range = item?.range;
    }
    if (range) return lineCounter.linePos(range[0]).line;
  }
  const top = document.contents?.range;
  return top ? lineCounter.linePos(top[0]).line : undefined;
}
