import { describe, expect, it } from 'vitest';
import { escalationStateOf } from '../../../functions/after-hours/escalation-state';
import type { Incident } from '../../../functions/paging/incident';

function incident(overrides: Partial<Incident>): Incident {
  return {
    id: 'INC-7K2M9Q',
    code: 'K7QP',
    status: 'paging',
    severity: 'P0',
    customer: 'Acme Corp',
    excerpt: 'down',
    requestedBy: 'U0CUSTOMER1',
    slack: { channel: 'C0ACMEPROD', threadTs: '1788900000.000100' },
    chain: [
      { name: 'Dana', phone: '+15555550101' },
      { name: 'Sam', phone: '+15555550102' },
    ],
    repeats: 1,
    ackTimeoutMs: 300_000,
    internalChannel: 'C0SUPPORT01',
    fallbackChannel: 'C0SUPPORT01',
    step: 0,
    openedAt: '2026-09-05T18:05:00.000Z',
    version: 1,
    ...overrides,
  };
}

describe('escalation state of a customer thread', () => {
  it('is not escalated without an incident of that thread', () => {
    expect(escalationStateOf([incident({ slack: { channel: 'C0ACMEPROD', threadTs: '1788900999.000100' } })], 'C0ACMEPROD', '1788900000.000100')).toEqual({ escalated: false });
  });

  it('names who is being paged now, through the repeats of the chain', () => {
    expect(escalationStateOf([incident({ step: 3 })], 'C0ACMEPROD', '1788900000.000100')).toMatchObject({ status: 'paging', paging: 'Sam', severity: 'P0' });
  });

  it('names who acknowledged, and says when nobody did', () => {
    expect(escalationStateOf([incident({ status: 'acknowledged', acknowledgedBy: 'Dana' })], 'C0ACMEPROD', '1788900000.000100')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Dana' });
    expect(escalationStateOf([incident({ status: 'unanswered' })], 'C0ACMEPROD', '1788900000.000100')).toMatchObject({ status: 'unanswered' });
  });

  it('takes the newest incident of the thread', () => {
    const older = incident({ id: 'INC-OLDER1', status: 'acknowledged', acknowledgedBy: 'Dana', openedAt: '2026-09-05T18:05:00.000Z' });
    const newer = incident({ id: 'INC-NEWER1', severity: 'P1', openedAt: '2026-09-06T02:00:00.000Z' });

    expect(escalationStateOf([older, newer], 'C0ACMEPROD', '1788900000.000100')).toMatchObject({ incidentId: 'INC-NEWER1', severity: 'P1', status: 'paging' });
  });
});
