import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffConfig } from '../../../shared/config/diff-config';
import { parseConfig } from '../../../shared/config/parse-config';

const EXAMPLE_FILE = new URL('../../../switchboard.config.example.yaml', import.meta.url);
const example = parseConfig(readFileSync(EXAMPLE_FILE, 'utf8'), 'switchboard.config.example.yaml');

describe('config diff', () => {
  it('finds no change between equal configurations', () => {
    expect(diffConfig(example, structuredClone(example))).toEqual([]);
  });

  it('names a changed value by its dotted path, with before and after', () => {
    const after = structuredClone(example);
    after.businessHours.opens = '07:00';

    expect(diffConfig(example, after)).toEqual([{ path: 'businessHours.opens', before: '06:00', after: '07:00' }]);
  });

  it('lists each changed value, in key order', () => {
    const after = structuredClone(example);
    after.runs.retentionDays = 90;
    after.company.slack.teamId = 'T0OTHER001';
    after.businessHours.closes = '17:00';

    expect(diffConfig(example, after)).toEqual([
      { path: 'businessHours.closes', before: '16:00', after: '17:00' },
      { path: 'company.slack.teamId', before: 'T0EXAMPLE1', after: 'T0OTHER001' },
      { path: 'runs.retentionDays', before: 30, after: 90 },
    ]);
  });

  it('compares arrays whole: an added channel is one change of the channel list', () => {
    const after = structuredClone(example);
    after.afterHours.customerChannels.push({ id: 'C0GLOBEX01', customer: 'Globex' });

    expect(diffConfig(example, after)).toEqual([
      {
        path: 'afterHours.customerChannels',
        before: [{ id: 'C0ACMEPROD', customer: 'Acme Corp' }],
        after: [
          { id: 'C0ACMEPROD', customer: 'Acme Corp' },
          { id: 'C0GLOBEX01', customer: 'Globex' },
        ],
      },
    ]);
  });

  it('shows an added key with nothing before, and a removed key with nothing after', () => {
    const after = structuredClone(example);
    after.businessHours.holidays.state = 'CA';
    const before = structuredClone(after);
    delete before.businessHours.holidays.state;

    expect(diffConfig(before, after)).toEqual([{ path: 'businessHours.holidays.state', before: undefined, after: 'CA' }]);
    expect(diffConfig(after, before)).toEqual([{ path: 'businessHours.holidays.state', before: 'CA', after: undefined }]);
  });

  it('reports a whole replaced value at its own path when one side is not an object', () => {
    expect(diffConfig({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: 'a', before: { b: 1 }, after: [1] }]);
  });
});
