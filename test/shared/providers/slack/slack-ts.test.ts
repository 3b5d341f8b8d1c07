import { describe, expect, it } from 'vitest';
import { dateToSlackTs, slackTsToDate } from '../../../../shared/providers/slack/slack-ts';

describe('slack ts', () => {
  it('reads a ts as the instant it names, to the millisecond', () => {
    expect(slackTsToDate('1763841599.123456').toISOString()).toBe('2025-11-22T19:59:59.123Z');
  });

  it('drops the microseconds below a millisecond', () => {
    expect(slackTsToDate('1763841599.000999').getTime()).toBe(1_763_841_599_000);
    expect(slackTsToDate('1763841599.001000').getTime()).toBe(1_763_841_599_001);
  });

  it('reads a short fraction as tenths, hundredths…, and a ts without a fraction as whole seconds', () => {
    expect(slackTsToDate('1763841599.5').getTime()).toBe(1_763_841_599_500);
    expect(slackTsToDate('1763841599.05').getTime()).toBe(1_763_841_599_050);
    expect(slackTsToDate('1763841599').getTime()).toBe(1_763_841_599_000);
  });

  it('writes an instant as seconds and six digits of microseconds', () => {
    expect(dateToSlackTs(new Date('2025-11-22T19:59:59.123Z'))).toBe('1763841599.123000');
    expect(dateToSlackTs(new Date('2025-11-22T19:59:59.000Z'))).toBe('1763841599.000000');
    expect(dateToSlackTs(new Date('2025-11-22T19:59:59.007Z'))).toBe('1763841599.007000');
  });

  it('keeps several ts of one millisecond apart with a sequence, in the microseconds', () => {
    const instant = new Date('2025-11-22T19:59:59.123Z');

    expect(dateToSlackTs(instant, 1)).toBe('1763841599.123001');
    expect(dateToSlackTs(instant, 42)).toBe('1763841599.123042');
  });

  it('round-trips an instant, whatever the sequence', () => {
    for (const iso of ['2026-01-01T00:00:00.000Z', '2026-11-22T20:00:00.999Z', '2001-09-09T01:46:40.001Z']) {
      for (const sequence of [0, 1, 999]) {
        expect(slackTsToDate(dateToSlackTs(new Date(iso), sequence)).toISOString(), `${iso} #${sequence}`).toBe(iso);
      }
    }
  });

  it('round-trips a Slack ts with millisecond precision', () => {
    expect(dateToSlackTs(slackTsToDate('1763841599.123000'))).toBe('1763841599.123000');
  });

  it('orders ts strings as their instants are ordered', () => {
    const instants = ['2026-11-22T20:00:00.000Z', '2026-11-22T20:00:00.001Z', '2026-11-22T20:00:00.999Z', '2026-11-22T20:00:01.000Z'].map((iso) => new Date(iso));
    const tss = [...instants.map((d) => dateToSlackTs(d)), dateToSlackTs(instants[1] as Date, 5)];

    const sortedAsText = [...tss].sort();
    const sortedByTime = [...tss].sort((a, b) => slackTsToDate(a).getTime() - slackTsToDate(b).getTime() || a.localeCompare(b));

    expect(sortedAsText).toEqual(sortedByTime);
    expect(sortedAsText).toEqual(['1795377600.000000', '1795377600.001000', '1795377600.001005', '1795377600.999000', '1795377601.000000']);
  });
});
