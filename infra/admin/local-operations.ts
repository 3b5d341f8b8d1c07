import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import type { RunRecord } from '../../shared/runs/run';
import { itemAbsent } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import type { Table } from '../../shared/store/table';
import { FailedDeliveries } from '../local/failed-deliveries';
import { QUEUED_PARTITION, queueItem, type QueueItem } from '../local/queue-item';
import { OperationError } from './operation-error';
import type { FailedDelivery, Operations, RedriveOutcome } from './operations';

/**
 * Operations on the local Switchboard: replays and redrives are queued for the running runtime (it picks
 * them up within a second, or on its next start), which runs them as it runs everything else.
 */
export class LocalOperations implements Operations {
  private readonly failures: FailedDeliveries;

  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {
    this.failures = new FailedDeliveries(table, clock);
  }

  async replay(run: RunRecord, replayRunId: string): Promise<void> {
    const queued = await this.queue({ provider: 'replay', id: replayRunId }, run.event, { automation: run.automation, runId: replayRunId, replayOf: run.runId });
    // A replay's id is reserved once (RunStore.reserveReplay): one queued already is not this replay.
    if (!queued) throw new OperationError(`a replay ${replayRunId} was queued already; it was not queued again`);
  }

  async failedDeliveries(limit: number): Promise<FailedDelivery[]> {
    return this.failures.list(limit);
  }

  async redrive(id: string): Promise<RedriveOutcome> {
    const failure = await this.failures.get(id);
    if (failure === undefined) return 'gone';
    // Queued first, under a key of this failure: should the write fail, the failure stays listed, and a
    // second redrive of it queues nothing more. Then taken off the list (this failure only, not a later
    // failure of the same run): of two redrives at once, one says it redrove it.
    const target = { automation: failure.automation, runId: failure.runId, ...(failure.replayOf === undefined ? {} : { replayOf: failure.replayOf }) };
    await this.queue({ provider: 'redrive', id: `${id}@${failure.failedAt}` }, failure.event, target);
    return (await this.failures.take(id, failure.failedAt)) ? 'redriven' : 'gone';
  }

  /** Queues an event for the runtime; false when it was queued already (its key is taken). */
  private async queue(delivery: { provider: string; id: string }, event: DomainEvent, target: NonNullable<QueueItem['target']>): Promise<boolean> {
    try {
      await this.table.put(queueItem(delivery, [event], this.clock.now(), QUEUED_PARTITION, target), itemAbsent);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }
}
