import { describe, expect, it } from 'vitest';
import { findQuestionRow, QUESTION_COLUMNS, questionRow } from '../../../functions/customer-questions/question-row';

describe('question row', () => {
  const row = questionRow({
    channel: 'C0ACMEPROD',
    channelName: 'ext-acme',
    messageTs: '1795449600.000200',
    customer: 'Acme Corp',
    text: '=IMPORTDATA("https://evil.example")',
    permalink: 'https://example.slack.com/archives/C0ACMEPROD/p1795449600000200',
    sentBy: 'robin',
    addedAt: new Date('2026-11-16T17:00:00Z'),
    timeZone: 'America/Los_Angeles',
  });

  it('has a cell per column, the date in the business time zone and the key last', () => {
    expect(row).toHaveLength(QUESTION_COLUMNS.length);
    expect(row[0]).toBe('2026-11-23 08:00');
    expect(row.at(-1)).toBe('C0ACMEPROD:1795449600.000200');
  });

  it('keeps the text as typed (the sheet stores it RAW, so it never becomes a formula)', () => {
    expect(row[3]).toBe('=IMPORTDATA("https://evil.example")');
  });

  it('finds the row of a key among the rows read back, counting the header', () => {
    expect(findQuestionRow([[...QUESTION_COLUMNS], ['x'], row], 'C0ACMEPROD:1795449600.000200')).toEqual({ row: 3, addedAt: '2026-11-16T17:00:00.000Z' });
    expect(findQuestionRow([[...QUESTION_COLUMNS]], 'C0ACMEPROD:1795449600.000200')).toBeUndefined();
  });
});
