import { beforeEach, describe, expect, it } from 'vitest';
import { LocalOperations } from '../../../infra/admin/local-operations';
import { OperationError } from '../../../infra/admin/operation-error';
import { FailedDeliveries } from '../../../infra/local/failed-deliveries';
import { QUEUED_PARTITION, type QueueItem } from '../../../infra/local/queue-item';
import type { RunRecord } from '../../../shared/runs/run';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

const message = sampleSlackMessageEvent({ eventId: 'Ev0FAILED01' });

/** The table, whose puts of queue items fail while `failing` is set (a full disk, a locked file). */
function failingQueueWrites(table: Table): Table & { failing: boolean } {
  const faulty = Object.assign(Object.create(table) as Table, { failing: false });
  faulty.put = async (item, condition) => {
    if (faulty.failing && item['gsi1pk'] === QUEUED_PARTITION) throw new Error('SQLITE_FULL: database or disk is full');
    return table.put(item, condition);
  };
  return faulty;
}

describe('local operations', () => {
  let clock: ManualClock;
  let table: Table & { failing: boolean };
  let failures: FailedDeliveries;
  let operations: LocalOperations;

  const queued = async () => (await table.query<QueueItem>({ partition: QUEUED_PARTITION, byTime: true })).map((item) => ({ deliveryId: item.deliveryId, target: item.target }));

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T05:00:00Z');
    table = failingQueueWrites(await createTestTable(clock));
    failures = new FailedDeliveries(table, clock);
    operations = new LocalOperations(table, clock);
  });

  describe('redrive', () => {
    it('queues the failed run again as that run: a failed replay as the replay, linked to what it replays', async () => {
      await failures.record('after-hours', message, new Error('slack chat.postMessage failed: HTTP 500'), 3, { runId: 'after-hours:Ev0FAILED01#replay-2', replayOf: 'after-hours:Ev0FAILED01#replay-1' });

      expect(await operations.redrive('after-hours:Ev0FAILED01#replay-2')).toBe('redriven');

      expect(await queued()).toEqual([
        { deliveryId: 'after-hours:Ev0FAILED01#replay-2@2026-11-23T05:00:00.000Z', target: { automation: 'after-hours', runId: 'after-hours:Ev0FAILED01#replay-2', replayOf: 'after-hours:Ev0FAILED01#replay-1' } },
      ]);
      expect(await failures.list()).toEqual([]);
    });

    it('keeps the failure listed when the event cannot be queued, and queues it once when asked again', async () => {
      await failures.record('after-hours', message, new Error('slack chat.postMessage failed: HTTP 500'), 3);
      table.failing = true;

      await expect(operations.redrive('after-hours:Ev0FAILED01')).rejects.toThrow('SQLITE_FULL');
      expect((await failures.list()).map((failure) => failure.id)).toEqual(['after-hours:Ev0FAILED01']);

      table.failing = false;
      expect(await operations.redrive('after-hours:Ev0FAILED01')).toBe('redriven');
      expect(await queued()).toHaveLength(1);
      expect(await failures.list()).toEqual([]);
    });

    it('leaves a later failure of the same run listed', async () => {
      await failures.record('after-hours', message, new Error('slack chat.postMessage failed: HTTP 500'), 3);
      const first = await failures.get('after-hours:Ev0FAILED01');
      clock.advance(60_000);
      // The redriven run failed again (recorded anew) before this redrive took its failure off the list.
      await failures.record('after-hours', message, new Error('slack chat.postMessage failed: HTTP 500'), 3);

      expect(await failures.take('after-hours:Ev0FAILED01', first?.failedAt)).toBe(false);
      expect((await failures.list()).map((failure) => failure.failedAt)).toEqual(['2026-11-23T05:01:00.000Z']);
    });
  });

  describe('replay', () => {
    const run = { runId: 'after-hours:Ev0FAILED01', automation: 'after-hours', event: message } as RunRecord;

    it('queues the replay as its own run, linked to the run it replays', async () => {
      await operations.replay(run, 'after-hours:Ev0FAILED01#replay-1');

      expect(await queued()).toEqual([{ deliveryId: 'after-hours:Ev0FAILED01#replay-1', target: { automation: 'after-hours', runId: 'after-hours:Ev0FAILED01#replay-1', replayOf: 'after-hours:Ev0FAILED01' } }]);
    });

    it('refuses to say a replay was queued when one with its id was queued already', async () => {
      await operations.replay(run, 'after-hours:Ev0FAILED01#replay-1');

      const again = operations.replay(run, 'after-hours:Ev0FAILED01#replay-1');

      await expect(again).rejects.toBeInstanceOf(OperationError);
      await expect(again).rejects.toThrow('a replay after-hours:Ev0FAILED01#replay-1 was queued already; it was not queued again');
    });
  });
});
