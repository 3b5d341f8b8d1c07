import { beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../shared/events/validate-event';
import type { RunRecord, RunStatus } from '../../../shared/runs/run';
import { RunStore } from '../../../shared/runs/run-store';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const NOW = '2026-11-22T20:00:00.000Z';
const DAY_MS = 86_400_000;

function messageEvent(eventId: string) {
  return createEvent('slack.message.posted', {
    eventId,
    receivedAt: '2026-11-22T19:59:59.000Z',
    provider: 'slack',
    teamId: 'T0EXAMPLE1',
    channel: 'C0ACMEPROD',
    user: 'U0CUSTOMER1',
    ts: '1763841599.000100',
    text: 'Our production cluster is down',
  });
}

/** A finished run as the recorder hands it to the store. */
function finishedRun(input: { automation?: string; eventId: string; status?: RunStatus; startedAt: string; error?: RunRecord['error'] }): Omit<RunRecord, 'attempts'> {
  const automation = input.automation ?? 'after-hours';
  const event = messageEvent(input.eventId);
  return {
    runId: `${automation}:${input.eventId}`,
    automation,
    trigger: { detailType: event.detailType, eventId: input.eventId, receivedAt: event.detail.receivedAt },
    event,
    status: input.status ?? 'succeeded',
    steps: [{ name: 'post notice', outcome: input.status === 'failed' ? 'failed' : 'done', startedAt: input.startedAt, durationMs: 5 }],
    startedAt: input.startedAt,
    finishedAt: input.startedAt,
    durationMs: 5,
    ...(input.error === undefined ? {} : { error: input.error }),
  };
}

describe('run store', () => {
  let clock: ManualClock;
  let table: Table;
  let runs: RunStore;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
    runs = new RunStore(table, clock);
  });

  it('saves a run and returns it with its first attempt counted', async () => {
    const run = finishedRun({ eventId: 'Ev001', startedAt: NOW });

    const saved = await runs.save(run, 30);

    expect(saved).toMatchObject({ ...run, attempts: 1 });
  });

  it('gets a saved run back as the record, without storage attributes', async () => {
    const run = finishedRun({ eventId: 'Ev001', startedAt: NOW });
    await runs.save(run, 30);

    const stored = await runs.get(run.runId);

    expect(stored).toEqual({ ...run, attempts: 1 });
    for (const attribute of ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'expiresAt', 'lastAttemptAt']) {
      expect(stored, attribute).not.toHaveProperty(attribute);
    }
  });

  // Found while writing this test: `save` returns the raw item (pk, sk, gsi1pk, gsi1sk, expiresAt,
  // lastAttemptAt) although its type says RunRecord; runAutomation hands that object on.
  it('returns from save the record that get returns', async () => {
    const run = finishedRun({ eventId: 'Ev001', startedAt: NOW });

    const saved = await runs.save(run, 30);

    expect(saved).toEqual(await runs.get(run.runId));
  });

  it('has no run for an unknown id', async () => {
    expect(await runs.get('after-hours:nothing')).toBeUndefined();
  });

  it('counts each save of the same run as an attempt and keeps the first start', async () => {
    const firstStart = NOW;
    await runs.save(finishedRun({ eventId: 'Ev001', status: 'failed', startedAt: firstStart, error: { name: 'ProviderError', message: 'HTTP 503', transient: true } }), 30);
    clock.advance(60_000);
    const retryStart = clock.now().toISOString();

    const retried = await runs.save(finishedRun({ eventId: 'Ev001', status: 'succeeded', startedAt: retryStart }), 30);

    expect(retried).toMatchObject({ attempts: 2, startedAt: firstStart, status: 'succeeded' });
    expect(await runs.get('after-hours:Ev001')).toMatchObject({ attempts: 2, startedAt: firstStart, status: 'succeeded' });
  });

  // Found while writing this test: `save` SETs the attributes of the new attempt but never REMOVEs the
  // `error` of an earlier one, so a run that failed once and then succeeded still carries the old error.
  it('forgets the error of an earlier attempt when a retry succeeds', async () => {
    await runs.save(finishedRun({ eventId: 'Ev001', status: 'failed', startedAt: NOW, error: { name: 'ProviderError', message: 'HTTP 503', transient: true } }), 30);
    clock.advance(60_000);

    const retried = await runs.save(finishedRun({ eventId: 'Ev001', status: 'succeeded', startedAt: clock.now().toISOString() }), 30);

    expect(retried.status).toBe('succeeded');
    expect(retried).not.toHaveProperty('error');
    expect(await runs.get('after-hours:Ev001')).not.toHaveProperty('error');
  });

  it('keeps a run for its retention and forgets it afterwards', async () => {
    const run = finishedRun({ eventId: 'Ev001', startedAt: NOW });
    await runs.save(run, 2);

    clock.advance(2 * DAY_MS - 1_000);
    const within = await runs.get(run.runId);
    const listedWithin = await runs.list();
    clock.advance(1_000);
    const after = await runs.get(run.runId);
    const listedAfter = await runs.list();

    expect(within).toBeDefined();
    expect(listedWithin).toHaveLength(1);
    expect(after).toBeUndefined();
    expect(listedAfter).toEqual([]);
  });

  it('counts the retention from the last attempt', async () => {
    await runs.save(finishedRun({ eventId: 'Ev001', startedAt: NOW }), 2);
    clock.advance(DAY_MS);
    await runs.save(finishedRun({ eventId: 'Ev001', startedAt: clock.now().toISOString() }), 2);

    clock.advance(DAY_MS + 1_000);

    expect(await runs.get('after-hours:Ev001')).toBeDefined();
  });

  describe('list', () => {
    async function saveAt(offsetSeconds: number, input: { automation?: string; eventId: string; status?: RunStatus }) {
      const startedAt = new Date(Date.parse(NOW) + offsetSeconds * 1_000).toISOString();
      await runs.save(finishedRun({ ...input, startedAt }), 30);
    }

    it('lists runs newest first, as records', async () => {
      await saveAt(1, { eventId: 'Ev001' });
      await saveAt(3, { eventId: 'Ev003' });
      await saveAt(2, { eventId: 'Ev002' });

      const listed = await runs.list();

      expect(listed.map((run) => run.runId)).toEqual(['after-hours:Ev003', 'after-hours:Ev002', 'after-hours:Ev001']);
      expect(listed[0]).not.toHaveProperty('pk');
      expect(listed[0]).not.toHaveProperty('gsi1sk');
      expect(listed[0]).not.toHaveProperty('expiresAt');
    });

    it('lists a retried run once, at its first start', async () => {
      await saveAt(1, { eventId: 'Ev001' });
      await saveAt(2, { eventId: 'Ev002' });
      await saveAt(3, { eventId: 'Ev001' });

      const listed = await runs.list();

      expect(listed.map((run) => [run.runId, run.attempts])).toEqual([
        ['after-hours:Ev002', 1],
        ['after-hours:Ev001', 2],
      ]);
    });

    it('lists at most `limit` runs, 20 by default', async () => {
      for (let i = 0; i < 22; i += 1) await saveAt(i, { eventId: `Ev${String(i).padStart(3, '0')}` });

      expect(await runs.list()).toHaveLength(20);
      expect((await runs.list({ limit: 3 })).map((run) => run.trigger.eventId)).toEqual(['Ev021', 'Ev020', 'Ev019']);
    });

    it('lists the runs of one automation', async () => {
      await saveAt(1, { automation: 'paging', eventId: 'Ev001' });
      for (let i = 2; i < 8; i += 1) await saveAt(i, { automation: 'after-hours', eventId: `Ev00${i}` });

      const listed = await runs.list({ automation: 'paging', limit: 2 });

      expect(listed.map((run) => run.runId)).toEqual(['paging:Ev001']);
    });

    it('lists the runs of one status', async () => {
      await saveAt(1, { eventId: 'Ev001', status: 'failed' });
      await saveAt(2, { eventId: 'Ev002', status: 'filtered' });
      await saveAt(3, { eventId: 'Ev003', status: 'failed' });
      for (let i = 4; i < 9; i += 1) await saveAt(i, { eventId: `Ev00${i}`, status: 'succeeded' });

      const listed = await runs.list({ status: 'failed', limit: 5 });

      expect(listed.map((run) => run.runId)).toEqual(['after-hours:Ev003', 'after-hours:Ev001']);
    });

    it('combines the automation and status filters', async () => {
      await saveAt(1, { automation: 'paging', eventId: 'Ev001', status: 'failed' });
      await saveAt(2, { automation: 'after-hours', eventId: 'Ev002', status: 'failed' });
      await saveAt(3, { automation: 'paging', eventId: 'Ev003', status: 'succeeded' });

      const listed = await runs.list({ automation: 'paging', status: 'failed' });

      expect(listed.map((run) => run.runId)).toEqual(['paging:Ev001']);
    });
  });

  describe('closing a waiting run when its subject is resolved', () => {
    const closure = { runId: 'paging:SMack', reason: 'Dana acknowledged INC-7K2M9Q', at: NOW };

    it('closes a waiting run, succeeded, naming the run that resolved it', async () => {
      await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'waiting', startedAt: NOW }), 30);

      expect(await runs.close('paging:Ev001', closure)).toBe(true);

      expect(await runs.get('paging:Ev001')).toMatchObject({ status: 'succeeded', closedBy: closure });
      expect(await runs.list({ status: 'waiting' })).toEqual([]);
      expect((await runs.list({ status: 'succeeded' })).map((run) => run.runId)).toEqual(['paging:Ev001']);
    });

    it('closes a run once: a second resolution changes nothing', async () => {
      await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'waiting', startedAt: NOW }), 30);
      await runs.close('paging:Ev001', closure);

      expect(await runs.close('paging:Ev001', { ...closure, runId: 'paging:SMlate' })).toBe(false);
      expect((await runs.get('paging:Ev001'))?.closedBy).toEqual(closure);
    });

    it('leaves a run that is not waiting as it ended', async () => {
      await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'filtered', startedAt: NOW }), 30);

      expect(await runs.close('paging:Ev001', closure)).toBe(false);
      expect(await runs.get('paging:Ev001')).toMatchObject({ status: 'filtered' });
      expect((await runs.get('paging:Ev001'))?.closedBy).toBeUndefined();
    });

    it('never lets a run close itself', async () => {
      await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'waiting', startedAt: NOW }), 30);
      expect(await runs.close('paging:Ev001', { ...closure, runId: 'paging:Ev001' })).toBe(false);
      expect(await runs.get('paging:Ev001')).toMatchObject({ status: 'waiting' });
    });

    it('saves closed a waiting run whose subject was resolved while it was still being recorded', async () => {
      expect(await runs.close('paging:Ev001', closure)).toBe(true);
      expect(await runs.get('paging:Ev001'), 'a closure alone is not a run').toBeUndefined();

      const saved = await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'waiting', startedAt: NOW }), 30);

      expect(saved).toMatchObject({ status: 'succeeded', closedBy: closure, attempts: 1 });
      expect(await runs.list({ status: 'waiting' })).toEqual([]);
      expect((await runs.list()).map((run) => run.runId)).toEqual(['paging:Ev001']);
    });

    it('costs one write per closure', async () => {
      await runs.save(finishedRun({ automation: 'paging', eventId: 'Ev001', status: 'waiting', startedAt: NOW }), 30);
      let writes = 0;
      const counted = new RunStore(
        new Proxy(table, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (name === 'put' || name === 'update' || name === 'delete') writes += 1;
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        }),
        clock,
      );

      await counted.close('paging:Ev001', closure);

      expect(writes).toBe(1);
    });
  });

  describe('replays', () => {
    /** A run saved under `runId` (an original, or a replay of one). */
    async function saveAttempt(runId: string, status: RunStatus, replayOf?: string) {
      const run = finishedRun({ eventId: 'Ev001', status, startedAt: NOW });
      return runs.save({ ...run, runId, ...(replayOf === undefined ? {} : { replayOf }) }, 30);
    }

    it('numbers the replays of a run, and of its replays, from the original run', async () => {
      await saveAttempt('after-hours:Ev001', 'failed');

      const first = await runs.reserveReplay('after-hours:Ev001');
      await saveAttempt('after-hours:Ev001#replay-1', 'failed', 'after-hours:Ev001');
      const second = await runs.reserveReplay('after-hours:Ev001#replay-1');
      const third = await runs.reserveReplay('after-hours:Ev001');

      expect([first, second, third]).toEqual([
        { outcome: 'reserved', runId: 'after-hours:Ev001#replay-1' },
        { outcome: 'reserved', runId: 'after-hours:Ev001#replay-2' },
        { outcome: 'reserved', runId: 'after-hours:Ev001#replay-3' },
      ]);
      expect(await runs.get('after-hours:Ev001')).toMatchObject({ replays: 3, lastReplay: 'after-hours:Ev001#replay-3', lastReplayAt: NOW });
      expect((await runs.get('after-hours:Ev001#replay-1'))?.replays).toBeUndefined();
    });

    it('reserves a replay only while the run is the latest attempt at its event, when asked to', async () => {
      await saveAttempt('after-hours:Ev001', 'failed');

      const first = await runs.reserveReplay('after-hours:Ev001', { onlyIfLatest: true });
      const again = await runs.reserveReplay('after-hours:Ev001', { onlyIfLatest: true });
      const ofLatest = await runs.reserveReplay('after-hours:Ev001#replay-1', { onlyIfLatest: true });

      expect(first).toEqual({ outcome: 'reserved', runId: 'after-hours:Ev001#replay-1' });
      expect(again).toEqual({ outcome: 'superseded', latest: 'after-hours:Ev001#replay-1' });
      expect(ofLatest).toEqual({ outcome: 'reserved', runId: 'after-hours:Ev001#replay-2' });
    });

    it('reserves nothing when the original run is gone', async () => {
      expect(await runs.reserveReplay('after-hours:Ev404')).toEqual({ outcome: 'no-original', original: 'after-hours:Ev404' });
      expect(await runs.reserveReplay('after-hours:Ev404#replay-2')).toEqual({ outcome: 'no-original', original: 'after-hours:Ev404' });
      expect(await runs.get('after-hours:Ev404')).toBeUndefined();
    });

    it('marks the failed attempts before a replay recovered by it, keeping their status', async () => {
      await saveAttempt('after-hours:Ev001', 'failed');
      await saveAttempt('after-hours:Ev001#replay-1', 'failed', 'after-hours:Ev001');
      await saveAttempt('after-hours:Ev001#replay-2', 'succeeded', 'after-hours:Ev001#replay-1');

      const marked = await runs.markRecovered('after-hours:Ev001#replay-2');

      expect(marked).toEqual(['after-hours:Ev001', 'after-hours:Ev001#replay-1']);
      expect(await runs.get('after-hours:Ev001')).toMatchObject({ status: 'failed', recoveredBy: 'after-hours:Ev001#replay-2' });
      expect(await runs.get('after-hours:Ev001#replay-1')).toMatchObject({ status: 'failed', recoveredBy: 'after-hours:Ev001#replay-2' });
      expect((await runs.get('after-hours:Ev001#replay-2'))?.recoveredBy).toBeUndefined();
      expect((await runs.list({ status: 'failed' })).map((run) => run.runId).sort()).toEqual(['after-hours:Ev001', 'after-hours:Ev001#replay-1']);
    });

    it('keeps the first recovery, and leaves attempts that did not fail or are missing', async () => {
      await saveAttempt('after-hours:Ev001', 'failed');
      await saveAttempt('after-hours:Ev001#replay-2', 'filtered', 'after-hours:Ev001');
      await runs.markRecovered('after-hours:Ev001#replay-2');

      const later = await runs.markRecovered('after-hours:Ev001#replay-3');

      expect(later).toEqual([]);
      expect((await runs.get('after-hours:Ev001'))?.recoveredBy).toBe('after-hours:Ev001#replay-2');
      expect((await runs.get('after-hours:Ev001#replay-2'))?.recoveredBy).toBeUndefined();
      expect(await runs.get('after-hours:Ev001#replay-1'), 'no run is made up for a missing attempt').toBeUndefined();
    });
  });
});
