import type { EventBus } from '../../shared/bus/event-bus';
import type { DomainEvent } from '../../shared/events/catalogue';
import type { Table } from '../../shared/store/table';
import { queueEvent } from './local-bus';

/**
 * The local bus as another process sees it (the CLI): events are stored as pending, and the running local
 * runtime dispatches them within a second, or its next start does.
 */
export class LocalQueue implements EventBus {
  constructor(private readonly table: Table) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) await queueEvent(this.table, event);
  }
}
