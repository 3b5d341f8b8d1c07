import type { EventBus } from '../../shared/bus/event-bus';
import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { validateEvent } from '../../shared/events/validate-event';
import { itemAbsent } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import type { Table } from '../../shared/store/table';
import { eventDelivery, QUEUED_PARTITION, queueItem } from './queue-item';

/**
 * The local bus as another process sees it (the CLI): events are queued as pending deliveries, and the
 * running local runtime dispatches them within a second, or its next start does.
 */
export class LocalQueue implements EventBus {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      validateEvent(event.detailType, event.detail);
      const now = this.clock.now();
      try {
        await this.table.put(queueItem(eventDelivery(event), [event], now, QUEUED_PARTITION), itemAbsent);
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error; // queued already: it will be dispatched once
      }
    }
  }
}
