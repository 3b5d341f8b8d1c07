import { describe, expect, it } from 'vitest';
import { investigationDueAt, investigationTimer, parseIssueSubject } from '../../../functions/github-labels/investigation-timer';
import { createBusinessCalendar } from '../../../shared/calendar/business-calendar';

const calendar = createBusinessCalendar({
  timeZone: 'America/Los_Angeles',
  weekdays: [1, 2, 3, 4, 5],
  opens: '06:00',
  closes: '16:00',
  holidays: { country: 'US', types: ['public'] },
  closures: [],
});
const PRODUCT = { owner: 'example-org', name: 'product' };

describe('the investigation check', () => {
  it('comes two business days later at the same time of day, skipping Thanksgiving and the weekend', () => {
    // Wednesday 2026-11-25 10:00 PT; Thursday 26 is Thanksgiving; Friday 27 is the first business day after.
    const due = investigationDueAt(calendar, new Date('2026-11-25T10:00:00-08:00'), 2);

    expect(due.toISOString()).toBe(new Date('2026-11-30T10:00:00-08:00').toISOString());
  });

  it('counts from the next opening when the label is added on Thanksgiving itself: Friday and Monday', () => {
    // Thursday 2026-11-26 10:00 PT is Thanksgiving (closed); the count starts Friday 27 at 06:00, whose ten open
    // hours are the first business day; Monday 30 is the second, ending at closing time.
    const due = investigationDueAt(calendar, new Date('2026-11-26T10:00:00-08:00'), 2);

    expect(due.toISOString()).toBe(new Date('2026-11-30T16:00:00-08:00').toISOString());
  });

  it('counts from the next opening when the label is added while closed', () => {
    const due = investigationDueAt(calendar, new Date('2026-11-28T12:00:00-08:00'), 2); // a Saturday

    expect(due.toISOString()).toBe(new Date('2026-12-01T16:00:00-08:00').toISOString());
  });

  it('has a timer id that names the labeling event, so adding the label again starts a fresh one', () => {
    const due = new Date('2026-11-30T18:00:00Z');
    const first = investigationTimer(PRODUCT, 42, 'delivery-1', due);
    const again = investigationTimer(PRODUCT, 42, 'delivery-2', due);

    expect(first).toEqual({ id: 'github-labels:investigation:example-org/product#42:delivery-1', automation: 'github-labels', kind: 'investigation-check', subject: 'example-org/product#42', dueAt: due });
    expect(again.id).not.toBe(first.id);
  });

  it('names its issue in a subject that reads back', () => {
    expect(parseIssueSubject('example-org/product.js#42')).toEqual({ repository: { owner: 'example-org', name: 'product.js' }, number: 42 });
    expect(parseIssueSubject('INC-7K2M9Q/0')).toBeUndefined();
  });
});
