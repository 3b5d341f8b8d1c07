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
      // An unknown key is reported on its parent's path, but it has a line of its own.
      const line = lineOf(issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path);
      return { path: issue.path.map(String).join('.'), message: issue.message, ...(line === undefined ? {} : { line }) };
    }),
    { cause: parsed.error },
  );
}
