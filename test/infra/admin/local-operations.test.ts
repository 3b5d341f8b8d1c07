import { beforeEach, describe, expect, it } from 'vitest';
import { LocalOperations } from '../../../infra/admin/local-operations';
import { OperationError } from '../../../infra/admin/operation-error';
import { QUEUED_PARTITION, type QueueItem } from '../../../infra/local/queue-item';
import type { RunRecord } from '../../../shared/runs/run';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

const message = sampleSlackMessageEvent({ eventId: 'Ev0FAILED01' });

describe('local operations', () => {
  let clock: ManualClock;
  let table: Table;
  let operations: LocalOperations;

  const queued = async () => (await table.query<QueueItem>({ partition: QUEUED_PARTITION, byTime: true })).map((item) => ({ deliveryId: item.deliveryId, target: item.target }));

  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T05:00:00Z');
    table = await createTestTable(clock);
    operations = new LocalOperations(table, clock);
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
