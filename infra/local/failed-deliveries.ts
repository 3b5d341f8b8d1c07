import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { expiresInDays, type Table } from '../../shared/store/table';

/** A run the local bus gave up on after its retries: the local equivalent of an SQS dead-letter queue. */
export interface FailedDelivery {
  automation: string;
  event: DomainEvent;
  error: string;
  attempts: number;
  failedAt: string;
}

const PARTITION = 'bus-failed';
const RETENTION_DAYS = 30;

/** The local bus's failed deliveries, newest first, kept 30 days. */
export class FailedDeliveries {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async record(automation: string, event: DomainEvent, error: unknown, attempts: number): Promise<FailedDelivery> {
    const now = this.clock.now();
    const failure: FailedDelivery = {
      automation,
      event,
      error: error instanceof Error ? error.message : String(error),
      attempts,
      failedAt: now.toISOString(),
    };
    await this.table.put({
      pk: `bus-failed#${automation}#${event.detail.eventId}`,
      sk: event.detailType,
      gsi1pk: PARTITION,
      gsi1sk: `${failure.failedAt}#${event.detail.eventId}`,
      expiresAt: expiresInDays(now, RETENTION_DAYS),
      failure,
    });
    return failure;
  }

  async list(limit = 50): Promise<FailedDelivery[]> {
    const items = await this.table.query({ partition: PARTITION, byTime: true, descending: true, limit });
    return items.map((item) => item['failure'] as FailedDelivery);
  }
}
