import { describe, expect, it } from 'vitest';
import { detailTypes } from '../../../shared/events/catalogue';
import { maskEventDetail, REDACTED } from '../../../shared/events/mask-event';
import { ENVELOPE_FIELDS, PUBLIC_FIELDS } from '../../../shared/events/public-fields';
import { validateEvent } from '../../../shared/events/validate-event';
import { personalEventSamples, schemaFieldPaths, valueAt } from '../../support/personal-event-samples';

describe('maskEventDetail', () => {
  describe.each(detailTypes)('%s', (detailType) => {
    const sample = personalEventSamples[detailType];

    it('has a sample that is valid and fills every field of its schema', () => {
      expect(() => validateEvent(detailType, sample.detail)).not.toThrow();
      for (const path of schemaFieldPaths(detailType)) expect(valueAt(sample.detail, path), path).toBeDefined();
    });

    it('masks every personal field', () => {
      const masked = maskEventDetail(detailType, sample.detail);

      for (const path of sample.personal) expect(valueAt(masked, path), path).toBe(REDACTED);
    });

    it('shows the envelope and the public fields as they are', () => {
      const masked = maskEventDetail(detailType, sample.detail);

      for (const path of [...ENVELOPE_FIELDS, ...PUBLIC_FIELDS[detailType]]) expect(valueAt(masked, path), path).toEqual(valueAt(sample.detail, path));
    });
  });

  it('masks everything but the envelope of a detail-type it has no rule for', () => {
    const masked = maskEventDetail('crm.contact.created', { eventId: 'Ev1', receivedAt: '2026-11-23T04:00:00.000Z', provider: 'hubspot', id: 'C1', name: 'Ann Example', tags: ['vip'], owner: { id: 'O1' } });

    expect(masked).toEqual({ eventId: 'Ev1', receivedAt: '2026-11-23T04:00:00.000Z', provider: 'hubspot', id: REDACTED, name: REDACTED, tags: REDACTED, owner: REDACTED });
  });

  it('masks a field an event gains before the rule lists it', () => {
    const masked = maskEventDetail('sms.status', { ...personalEventSamples['sms.status'].detail, contactName: 'Ann Example' }) as Record<string, unknown>;

    expect(masked['contactName']).toBe(REDACTED);
    expect(masked['status']).toBe('undelivered');
  });

  it('masks the fields of an object one by one when some of them are public, and leaves absent values absent', () => {
    const masked = maskEventDetail('github.issue.labeled', { ...personalEventSamples['github.issue.labeled'].detail, label: { name: 'bug', color: 'd73a4a', description: null } });

    expect(valueAt(masked, 'label')).toEqual({ name: 'bug', color: 'd73a4a', description: null });
  });
});
