import type { Table } from '../../shared/store/table';
import { PENDING_PARTITION, QUEUED_PARTITION, type QueueItem } from './queue-item';

/** How many waiting deliveries are looked through: far more than a person's simulated requests. */
const LOOK_THROUGH = 500;

/**
 * Whether the local runtime still has work to do for a delivery or an event: accepted or queued, and not
 * yet handled by every automation it goes to (a retry may be waiting). `id` is the provider's delivery id
 * or the id of one of its events. What the CLI waits on before it shows the runs a simulated webhook
 * caused, so that a slower automation's run is not left out.
 */
export async function isPending(table: Table, id: string): Promise<boolean> {
  for (const partition of [PENDING_PARTITION, QUEUED_PARTITION]) {
    const items = await table.query<QueueItem>({ partition, byTime: true, descending: true, limit: LOOK_THROUGH });
    if (items.some((item) => item.status === 'pending' && (item.deliveryId === id || item.events.some((event) => event.detail.eventId === id)))) return true;
  }
  return false;
}
