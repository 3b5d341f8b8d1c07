import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../functions/paging/incident';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

function incident(id: string): Incident {
  return {
    id,
    code: 'K7QP',
    status: 'paging',
    severity: 'P0',
    customer: 'Acme Corp',
    excerpt: 'down',
    requestedBy: 'U0CUSTOMER1',
    chain: [
      { name: 'Dana', phone: '+15555550101' },
      { name: 'Sam', phone: '+15555550102' },
    ],
    repeats: 0,
    ackTimeoutMs: 300_000,
    internalChannel: 'C0SUPPORT01',
    fallbackChannel: 'C0SUPPORT01',
    step: 0,
    openedAt: '2026-11-23T04:00:00.000Z',
    version: 1,
  };
}

describe('incident transitions', () => {
  let store: IncidentStore;

  beforeEach(async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    store = new IncidentStore(await createTestTable(clock), clock);
  });

  it('opens an incident once, and returns the stored one to a second opener', async () => {
    expect((await store.open(incident('INC-A'), 'ev1')).created).toBe(true);
    const again = await store.open({ ...incident('INC-A'), customer: 'Other' }, 'ev2');
    expect(again).toMatchObject({ created: false, incident: { customer: 'Acme Corp' } });
  });

  /** The incident as a handler reads it before moving it on from `step`. */
  const at = async (id: string, step: number) => ({ ...(await store.get(id))!, step });

  it('moves on only from the step it is at, and records who moved it and whose page it replaced', async () => {
    await store.open(incident('INC-A'), 'ev1');
    expect(await store.advance(await at('INC-A', 1), 2, 'timer')).toBeUndefined();
    expect(await store.advance(await at('INC-A', 0), 1, 'timer')).toMatchObject({ step: 1, lastEventId: 'timer', supersededEventId: 'ev1', version: 2 });
    expect(await store.advance(await at('INC-A', 0), 1, 'late timer')).toBeUndefined();
  });

  it('does not move on, or give up, once acknowledged', async () => {
    await store.open(incident('INC-A'), 'ev1');
    expect(await store.acknowledge('INC-A', 'Dana', 'sms1')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Dana' });
    expect(await store.advance(await at('INC-A', 0), 1, 'timer')).toBeUndefined();
    expect(await store.markUnanswered(await at('INC-A', 0), 'timer')).toBeUndefined();
    expect(await store.acknowledge('INC-A', 'Sam', 'sms2')).toBeUndefined();
    expect(await store.get('INC-A')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Dana', step: 0 });
  });

  it('still takes a late ACK after every page went unanswered', async () => {
    await store.open(incident('INC-A'), 'ev1');
    await store.markUnanswered(await at('INC-A', 0), 'timer');
    expect(await store.acknowledge('INC-A', 'Sam', 'sms')).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Sam', supersededEventId: 'timer' });
  });

  it('lets exactly one of a racing ACK and timer decide, and never moves on after an ACK', async () => {
    for (let round = 0; round < 40; round += 1) {
      const id = `INC-R${round}`;
      await store.open(incident(id), 'ev');
      const read = await at(id, 0);
      const [advanced, acknowledged] = await Promise.all([store.advance(read, 1, 'timer'), store.acknowledge(id, 'Dana', 'sms')]);
      expect(acknowledged, `round ${round}`).toBeDefined();
      // The ACK closes the page that was waiting when it landed: the first one, or the timer's.
      expect(acknowledged?.supersededEventId).toBe(advanced === undefined ? 'ev' : 'timer');
      // If the timer moved it on, it did so while the incident was still paging: before the ACK.
      if (advanced !== undefined) expect(advanced.status).toBe('paging');
      const final = await store.get(id);
      expect(final?.status).toBe('acknowledged');
      expect(final?.version).toBe(advanced === undefined ? 2 : 3);
    }
  });

  it('finds the page a delivery report is about', async () => {
    await store.open(incident('INC-A'), 'ev1');
    await store.recordPage('INC-A', { step: 0, to: 'Dana', sid: 'SM1', sentAt: '2026-11-23T04:00:00.000Z' });
    expect(await store.pageOfMessage('SM1')).toEqual({ incidentId: 'INC-A', step: 0 });
    await store.recordDeliveryStatus('INC-A', 0, 'undelivered');
    expect(await store.pages('INC-A')).toEqual([{ step: 0, to: 'Dana', sid: 'SM1', sentAt: '2026-11-23T04:00:00.000Z', deliveryStatus: 'undelivered' }]);
    expect(await store.pageOfMessage('SM-unknown')).toBeUndefined();
  });

  it("keeps the first answer about the thread's permalink for a page, and lets a later page settle it again", async () => {
    const slack = { channel: 'C0ACMEPROD', threadTs: '1795406400.000200' };
    await store.open({ ...incident('INC-A'), slack, permalinkFailedAtStep: 0, permalinkFailureTransient: true }, 'ev1');

    // Two attempts of page 1: Slack fails the first and answers the second; the first answer stands.
    expect(await store.settlePermalink('INC-A', 1, { transient: true })).toMatchObject({ permalinkFailedAtStep: 1, permalinkFailureTransient: true });
    expect((await store.settlePermalink('INC-A', 1, { link: 'https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200' })).link).toBeUndefined();
    // Page 2 asks again, and the link is kept for good.
    const linked = await store.settlePermalink('INC-A', 2, { link: 'https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200' });
    expect(linked.link).toBe('https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200');
    expect(linked.permalinkFailedAtStep).toBeUndefined();
    expect((await store.settlePermalink('INC-A', 3, { transient: true })).link).toBe('https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200');
    expect(await store.get('INC-A')).toMatchObject({ status: 'paging', version: 1, link: 'https://acme.slack.com/archives/C0ACMEPROD/p1795406400000200' });
  });

  it('records which inbound message an SMS reply answered', async () => {
    await store.recordReply('SM0REPLY1', 'SM0INBOUND1');
    expect(await store.inboundAnsweredBy('SM0REPLY1')).toBe('SM0INBOUND1');
    expect(await store.inboundAnsweredBy('SM0REPLY2')).toBeUndefined();
    // A page's record and a reply's never answer for each other.
    await store.recordPage('INC-A', { step: 0, to: 'Dana', sid: 'SM0PAGE1', sentAt: '2026-11-23T04:00:00.000Z' });
    expect(await store.inboundAnsweredBy('SM0PAGE1')).toBeUndefined();
    expect(await store.pageOfMessage('SM0REPLY1')).toBeUndefined();
  });

  it('lists open incidents newest first', async () => {
    await store.open({ ...incident('INC-A'), openedAt: '2026-11-23T04:00:00.000Z' }, 'a');
    await store.open({ ...incident('INC-B'), openedAt: '2026-11-23T04:01:00.000Z' }, 'b');
    await store.acknowledge('INC-A', 'Dana', 'sms');
    expect((await store.list({ openOnly: true })).map((i) => i.id)).toEqual(['INC-B']);
    expect((await store.list()).map((i) => i.id)).toEqual(['INC-B', 'INC-A']);
  });

  it('lists acknowledged incidents only, newest first, up to the limit after the filter', async () => {
    await store.open({ ...incident('INC-A'), openedAt: '2026-11-23T04:00:00.000Z' }, 'a');
    await store.open({ ...incident('INC-B'), openedAt: '2026-11-23T04:01:00.000Z' }, 'b');
    await store.open({ ...incident('INC-C'), openedAt: '2026-11-23T04:02:00.000Z' }, 'c');
    await store.open({ ...incident('INC-D'), openedAt: '2026-11-23T04:03:00.000Z' }, 'd');
    await store.acknowledge('INC-A', 'Dana', 'sms-a');
    await store.acknowledge('INC-B', 'Dana', 'sms-b');
    expect((await store.list({ acknowledgedOnly: true, limit: 2 })).map((i) => i.id)).toEqual(['INC-B', 'INC-A']);
  });
});
