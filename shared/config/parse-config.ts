import { LineCounter, parseDocument, YAMLParseError } from 'yaml';
import { configSchema, type Config } from './config-schema';

export interface ConfigIssue {
  /** Dotted path of the bad value, e.g. `businessHours.opens` or `afterHours.customerChannels.0.id`. */
  path: string;
  message: string;
  line?: number;
}

/** A configuration file or document that is not valid; `issues` names each bad value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
    options?: ErrorOptions,
  ) {
    super(`${source} is not a valid Switchboard configuration:\n${issues.map(formatIssue).join('\n')}`, options);
  }
}

function formatIssue(issue: ConfigIssue): string {
  const where = issue.path === '' ? '(top level)' : issue.path;
  return `  - ${where}${issue.line === undefined ? '' : ` (line ${issue.line})`}: ${issue.message}`;
}

/**
 * Validates a configuration object (already parsed), e.g. the document kept in the table.
 *
 * @example
 * const config = validateConfig(item.document, 'config v3');
 */
export function validateConfig(document: unknown, source: string, lineOf: (path: PropertyKey[]) => number | undefined = () => undefined): Config {
  const parsed = configSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    source,
    parsed.error.issues.map((issue) => {
      const line = lineOf(issue.path);
      return { path: issue.path.map(String).join('.'), message: issue.message, ...(line === undefined ? {} : { line }) };
    }),
    { cause: parsed.error },
  );
}

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
  const lineOf = (path: PropertyKey[]): number | undefined => {
    // Point at the deepest node that exists: a missing key is reported at its parent.
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range !== undefined) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return validateConfig(document.toJS(), source, lineOf);
}
