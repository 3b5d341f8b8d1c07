import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlinePlan, slaHoursOf } from '../../../functions/job-applications/deadline-plan';
import { businessCalendarOf } from '../../../shared/config/business-calendar-of';
import { parseConfig } from '../../../shared/config/parse-config';

const config = parseConfig(readFileSync(new URL('../../../switchboard.config.example.yaml', import.meta.url), 'utf8'), 'example');
const calendar = businessCalendarOf(config);
const sla = slaHoursOf(config.jobApplications!.sla);

const planFor = (receivedAt: string) => deadlinePlan(calendar, new Date(receivedAt), sla);
const at = (local: string) => new Date(local).toISOString();

describe('the deadline of a job application: 4 business hours from receipt (Mon–Fri 06:00–16:00 PT)', () => {
  it('is 4 hours later within one business day', () => {
    expect(planFor('2026-11-23T09:00:00-08:00').dueAt.toISOString()).toBe(at('2026-11-23T13:00:00-08:00'));
  });

  it('carries from Friday 15:00 PT to Monday 09:00 PT', () => {
    const plan = planFor('2026-11-20T15:00:00-08:00');

    expect(plan.dueAt.toISOString()).toBe(at('2026-11-23T09:00:00-08:00'));
    expect(plan.remindAt.toISOString()).toBe(at('2026-11-23T08:00:00-08:00'));
    expect(plan.escalateAt.toISOString()).toBe(at('2026-11-23T09:30:00-08:00'));
  });

  it('counts a Saturday application from Monday 06:00: due Monday 10:00 PT', () => {
    expect(planFor('2026-11-21T11:30:00-08:00').dueAt.toISOString()).toBe(at('2026-11-23T10:00:00-08:00'));
  });

  it('skips Thanksgiving: Wednesday 2026-11-25 14:00 PT is due Friday 2026-11-27 08:00 PT', () => {
    const plan = planFor('2026-11-25T14:00:00-08:00');

    expect(plan.dueAt.toISOString()).toBe(at('2026-11-27T08:00:00-08:00'));
    expect(plan.remindAt.toISOString()).toBe(at('2026-11-27T07:00:00-08:00'));
  });

  it('reminds an hour before the deadline on the same day when there is time', () => {
    const plan = planFor('2026-11-23T09:00:00-08:00');

    expect(plan.remindAt.toISOString()).toBe(at('2026-11-23T12:00:00-08:00'));
    expect(plan.escalateAt.toISOString()).toBe(at('2026-11-23T13:30:00-08:00'));
  });

  it('escalates at the next opening when the deadline is the closing time', () => {
    const plan = planFor('2026-11-23T12:00:00-08:00');

    expect(plan.dueAt.toISOString()).toBe(at('2026-11-23T16:00:00-08:00'));
    expect(plan.escalateAt.toISOString()).toBe(at('2026-11-24T06:30:00-08:00'));
  });

  it('reads the SLA durations as business hours', () => {
    expect(sla).toEqual({ respondWithin: 4, remindBefore: 1, escalateAfter: 0.5 });
  });
});
