import { beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../shared/providers/outbox';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const NOW = '2026-11-22T20:00:00.000Z';
const DAY_MS = 86_400_000;

describe('outbox', () => {
  let clock: ManualClock;
  let table: Table;
  let outbox: Outbox;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
    outbox = new Outbox(table, clock);
  });

  it('records a call and returns the entry', async () => {
    const entry = await outbox.record('slack', 'chat.postMessage', { channel: 'C0ACMEPROD', text: 'hello' });

    expect(entry).toEqual({ id: expect.any(String), provider: 'slack', operation: 'chat.postMessage', request: { channel: 'C0ACMEPROD', text: 'hello' }, recordedAt: NOW });
    expect(await outbox.list()).toEqual([entry]);
  });

  it('lists entries newest first', async () => {
    await outbox.record('slack', 'chat.postMessage', { n: 1 });
    clock.advance(1_000);
    await outbox.record('slack', 'chat.update', { n: 2 });
    clock.advance(1_000);
    await outbox.record('slack', 'chat.postEphemeral', { n: 3 });

    const listed = await outbox.list();

    expect(listed.map((entry) => entry.request['n'])).toEqual([3, 2, 1]);
  });

  it('keeps apart entries recorded in the same millisecond', async () => {
    await outbox.record('slack', 'chat.postMessage', { n: 1 });
    await outbox.record('slack', 'chat.postMessage', { n: 2 });

    const listed = await outbox.list();

    expect(listed.map((entry) => entry.request['n']).sort()).toEqual([1, 2]);
    expect(new Set(listed.map((entry) => entry.id)).size).toBe(2);
  });

  // Found while writing this test: the id is time, pid and a per-instance sequence, so two outboxes of
  // one process (or two Lambda containers, whose pids are alike) recording in the same millisecond
  // write the same item and the first entry is lost.
  it('keeps apart entries of two outboxes recorded in the same millisecond', async () => {
    const other = new Outbox(table, clock);

    await outbox.record('slack', 'chat.postMessage', { n: 1 });
    await other.record('slack', 'chat.postMessage', { n: 2 });

    expect((await outbox.list()).map((entry) => entry.request['n']).sort()).toEqual([1, 2]);
  });

  it('lists at most `limit` entries, 20 by default', async () => {
    for (let n = 0; n < 22; n += 1) {
      await outbox.record('slack', 'chat.postMessage', { n });
      clock.advance(1);
    }

    expect(await outbox.list()).toHaveLength(20);
    expect((await outbox.list({ limit: 2 })).map((entry) => entry.request['n'])).toEqual([21, 20]);
  });

  it('lists the entries of one provider, however many others came after them', async () => {
    await outbox.record('twilio', 'messages.create', { n: 'sms' });
    for (let n = 0; n < 6; n += 1) {
      clock.advance(1);
      await outbox.record('slack', 'chat.postMessage', { n });
    }

    const listed = await outbox.list({ provider: 'twilio', limit: 2 });

    expect(listed).toEqual([expect.objectContaining({ provider: 'twilio', operation: 'messages.create', request: { n: 'sms' } })]);
  });

  it('keeps entries 30 days', async () => {
    await outbox.record('slack', 'chat.postMessage', { n: 1 });

    clock.advance(30 * DAY_MS - 1_000);
    const within = await outbox.list();
    clock.advance(1_000);
    const after = await outbox.list();

    expect(within).toHaveLength(1);
    expect(after).toEqual([]);
  });

  it('lists entries without storage attributes', async () => {
    await outbox.record('slack', 'chat.postMessage', { n: 1 });

    const [entry] = await outbox.list();

    expect(Object.keys(entry ?? {}).sort()).toEqual(['id', 'operation', 'provider', 'recordedAt', 'request']);
  });
});
