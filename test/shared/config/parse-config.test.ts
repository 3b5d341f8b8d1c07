import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, validateConfig, type ConfigIssue } from '../../../shared/config/parse-config';

const EXAMPLE_FILE = new URL('../../../switchboard.config.example.yaml', import.meta.url);
const example = readFileSync(EXAMPLE_FILE, 'utf8');

/** The example with one exact passage replaced; fails loudly if the passage is not there. */
function exampleWith(passage: string, replacement: string): string {
  expect(example, `the example contains ${JSON.stringify(passage)}`).toContain(passage);
  return example.replace(passage, replacement);
}

/** The 1-based line of the first line of `text` that contains `fragment`. */
function lineOf(text: string, fragment: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(fragment));
  expect(index, `a line containing ${JSON.stringify(fragment)}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** The ConfigError that parsing throws. */
function configErrorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'switchboard.config.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the configuration to be refused');
}

function issueAt(error: ConfigError, path: string): ConfigIssue {
  const issue = error.issues.find((i) => i.path === path);
  expect(issue, `an issue at ${path} among ${JSON.stringify(error.issues)}`).toBeDefined();
  return issue as ConfigIssue;
}

describe('parse config', () => {
  it('parses the example file', () => {
    const config = parseConfig(example, 'switchboard.config.example.yaml');

    expect(config.company.slack.teamId).toBe('T0EXAMPLE1');
    expect(config.businessHours).toMatchObject({ timeZone: 'America/Los_Angeles', weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], opens: '06:00', closes: '16:00' });
    expect(config.afterHours.customerChannels).toEqual([{ id: 'C0ACMEPROD', customer: 'Acme Corp' }]);
  });

  it('accepts weekday names in any case', () => {
    const text = exampleWith('weekdays: [Mon, Tue, Wed, Thu, Fri]', 'weekdays: [mon, TUE, Wednesday, THURSDAY]');

    expect(parseConfig(text, 'lowercase.yaml').businessHours.weekdays).toEqual(['Mon', 'Tue', 'Wed', 'Thu']);
  });

  describe('a bad value', () => {
    it('is reported by its dotted path and its line', () => {
      const text = exampleWith('opens: "06:00"', 'opens: "6 in the morning"');

      const error = configErrorOf(text);

      expect(issueAt(error, 'businessHours.opens')).toEqual({
        path: 'businessHours.opens',
        message: 'must be a 24-hour time like "06:00"',
        line: lineOf(text, 'opens:'),
      });
    });

    it('in a list is reported by its index', () => {
      const text = exampleWith('- id: C0ACMEPROD', '- id: acme-prod');

      const error = configErrorOf(text);

      expect(error.issues).toEqual([
        { path: 'afterHours.customerChannels.0.id', message: expect.stringContaining('Slack channel id'), line: lineOf(text, 'id: acme-prod') },
      ]);
    });

    it('names the source, the path and the line in the error message', () => {
      const text = exampleWith('timeZone: America/Los_Angeles', 'timeZone: Pacific/Atlantis');

      const error = configErrorOf(text);

      expect(error.source).toBe('switchboard.config.yaml');
      expect(error.message).toContain('switchboard.config.yaml');
      expect(error.message).toContain(`businessHours.timeZone (line ${lineOf(text, 'timeZone:')})`);
    });

    it('reports every bad value, not only the first', () => {
      const text = exampleWith('teamId: T0EXAMPLE1', 'teamId: example').replace('- id: C0ACMEPROD', '- id: acme-prod');

      const error = configErrorOf(text);

      expect(error.issues.map((issue) => issue.path)).toEqual(['company.slack.teamId', 'afterHours.customerChannels.0.id']);
    });
  });

  describe('business rules across values', () => {
    it('refuses a closing time before the opening time, at the closing time', () => {
      const text = exampleWith('closes: "16:00"', 'closes: "05:30"');

      const error = configErrorOf(text);

      expect(error.issues).toEqual([{ path: 'businessHours.closes', message: 'closes must be later than opens', line: lineOf(text, 'closes:') }]);
    });

    it('refuses an unknown time zone', () => {
      const text = exampleWith('timeZone: America/Los_Angeles', 'timeZone: America/Springfield');

      expect(configErrorOf(text).issues).toEqual([
        { path: 'businessHours.timeZone', message: expect.stringContaining('IANA time zone'), line: lineOf(text, 'timeZone:') },
      ]);
    });

    it('refuses an unknown holiday country', () => {
      const text = exampleWith('country: US', 'country: XX');

      expect(configErrorOf(text).issues).toEqual([
        { path: 'businessHours.holidays.country', message: expect.stringContaining('"XX"'), line: lineOf(text, 'country: XX') },
      ]);
    });

    it('refuses a closure on a date that does not exist', () => {
      const text = exampleWith('closures: []', 'closures: ["2026-12-24", "2026-02-30"]');

      expect(configErrorOf(text).issues).toEqual([{ path: 'businessHours.closures.1', message: 'is not a real date', line: lineOf(text, 'closures:') }]);
    });

    it('refuses a customer channel listed twice', () => {
      const text = exampleWith('      customer: Acme Corp', '      customer: Acme Corp\n    - id: C0ACMEPROD\n      customer: Acme again');

      expect(configErrorOf(text).issues).toEqual([
        { path: 'afterHours.customerChannels', message: 'lists each channel once', line: lineOf(text, '  customerChannels:') },
      ]);
    });
  });

  describe('a missing key', () => {
    it('is reported by its path at the line of its parent', () => {
      const text = exampleWith('    teamId: T0EXAMPLE1\n', '');

      const issue = issueAt(configErrorOf(text), 'company.slack.teamId');

      expect(issue.line).toBe(lineOf(text, '  slack:'));
    });
  });

  describe('an unknown key', () => {
    it('is refused and named', () => {
      const text = exampleWith('  opens: "06:00"', '  opens: "06:00"\n  lunch: "12:00"');

      const error = configErrorOf(text);

      expect(error.issues).toEqual([{ path: 'businessHours', message: expect.stringContaining('"lunch"'), line: expect.any(Number) }]);
    });

    it('is reported at its own line', () => {
      const text = exampleWith('  opens: "06:00"', '  opens: "06:00"\n  lunch: "12:00"');

      const [issue] = configErrorOf(text).issues;

      expect(issue?.line).toBe(lineOf(text, 'lunch:'));
    });
  });

  describe('invalid YAML', () => {
    it('is one issue with the line of the syntax error', () => {
      const text = exampleWith('  closes: "16:00"', '  closes: "16:00\n');

      const error = configErrorOf(text);

      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ path: '', line: expect.any(Number) });
      expect(error.issues[0]?.line).toBeGreaterThanOrEqual(lineOf(text, 'closes:'));
    });

    it('refuses a key written twice', () => {
      const text = exampleWith('  closes: "16:00"', '  closes: "16:00"\n  closes: "17:00"');

      const error = configErrorOf(text);

      expect(error.issues).toEqual([{ path: '', message: expect.stringContaining('unique'), line: lineOf(text, 'closes: "17:00"') }]);
    });

    it('refuses a document that is not a mapping', () => {
      const error = configErrorOf('- just\n- a list\n');

      expect(error.issues).toEqual([{ path: '', message: expect.stringContaining('object'), line: 1 }]);
    });
  });
});

describe('validate config', () => {
  it('validates a parsed document, with paths but without lines', () => {
    const document = parseConfig(example, 'example');

    expect(() => validateConfig({ ...document, runs: { retentionDays: 0 } }, 'config v3')).toThrow(ConfigError);
    try {
      validateConfig({ ...document, runs: { retentionDays: 0 } }, 'config v3');
    } catch (error) {
      expect((error as ConfigError).issues).toEqual([{ path: 'runs.retentionDays', message: expect.any(String) }]);
      expect((error as ConfigError).source).toBe('config v3');
    }
  });

  it('returns the configuration it was given when valid', () => {
    const document = parseConfig(example, 'example');

    expect(validateConfig(document, 'config v1')).toEqual(document);
  });
});
