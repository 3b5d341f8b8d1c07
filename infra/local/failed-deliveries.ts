import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { itemExists } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';
import type { FailedDelivery } from '../../shared/bus/failed-delivery';

const PARTITION = 'bus-failed';
const RETENTION_DAYS = 30;
const failureKey = (id: string) => ({ pk: `bus-failed#${id}`, sk: 'failure' });

/**
 * The local bus's failed deliveries — runs it gave up on after their retries, the local equivalent of an
 * SQS dead-letter queue — newest first, kept 30 days. A failure's id is its run's (`automation:eventId`).
 */
export class FailedDeliveries {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async record(automation: string, event: DomainEvent, error: unknown, attempts: number): Promise<FailedDelivery> {
    const now = this.clock.now();
    const failure: FailedDelivery = {
      id: `${automation}:${event.detail.eventId}`,
      automation,
      event,
      error: error instanceof Error ? error.message : String(error),
      attempts,
      failedAt: now.toISOString(),
    };
    await this.table.put({
      ...failureKey(failure.id),
      gsi1pk: PARTITION,
      gsi1sk: `${failure.failedAt}#${failure.id}`,
      expiresAt: expiresInDays(now, RETENTION_DAYS),
      failure,
    });
    return failure;
  }

  async list(limit = 50): Promise<FailedDelivery[]> {
    const items = await this.table.query({ partition: PARTITION, byTime: true, descending: true, limit });
    return items.map((item) => item['failure'] as FailedDelivery);
  }

  async get(id: string): Promise<FailedDelivery | undefined> {
    return (await this.table.get<{ failure: FailedDelivery }>(failureKey(id), { consistent: true }))?.failure;
  }

  /** Takes a failure off the list; false when it was not there (taken by another redrive). */
  async take(id: string): Promise<boolean> {
    try {
      await this.table.delete(failureKey(id), itemExists);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }
}
