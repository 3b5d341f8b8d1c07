import type { Delivery } from '../../shared/bus/delivery-intake';
import type { DomainEvent } from '../../shared/events/catalogue';
import { expiresInDays } from '../../shared/store/table';

/** The time-index partition of the deliveries the runtime accepted and has not handled yet. */
export const PENDING_PARTITION = 'bus-pending';
/**
 * The time-index partition of the events other processes (the CLI) queued for the runtime: polled every
 * second, apart from the runtime's own pending deliveries, so a backlog never slows the poll.
 */
export const QUEUED_PARTITION = 'bus-queued';

/** How long a handled delivery's id is remembered: past Slack's retries and GitHub's redeliveries. */
const DEDUPLICATION_DAYS = 7;

/**
 * A delivery on the local bus: its events, keyed by the provider's delivery id. Written once, before the
 * ack (the deduplication and the durability in one conditional insert); marked handled once every run
 * of its events has ended, and kept until it expires to recognise a redelivery.
 */
export interface QueueItem {
  pk: string;
  sk: 'queue';
  deliveryId: string;
  provider: string;
  events: DomainEvent[];
  status: 'pending' | 'handled';
  /**
   * For one automation only (a replay or a redrive from the CLI), as that run: the events go to it alone
   * instead of to every subscriber.
   */
  target?: { automation: string; runId?: string; replayOf?: string };
  acceptedAt: string;
  gsi1pk?: string;
  gsi1sk?: string;
  /**
   * Set when it is handled: a delivery not handled yet never expires, however long the runtime was
   * stopped, so an accepted event is never lost; a handled one is remembered for a week after.
   */
  expiresAt?: number;
  [key: string]: unknown;
}

export const queueKey = (pk: string) => ({ pk, sk: 'queue' as const });

/** When a delivery handled now is forgotten, and a redelivery of it taken as new. */
export function handledExpiry(now: Date): number {
  return expiresInDays(now, DEDUPLICATION_DAYS);
}

export function queueItem(delivery: Delivery, events: DomainEvent[], now: Date, partition: string = PENDING_PARTITION, target?: QueueItem['target']): QueueItem {
  const pk = `delivery#${delivery.provider}#${delivery.id}`;
  const acceptedAt = now.toISOString();
  return {
    ...queueKey(pk),
    deliveryId: delivery.id,
    provider: delivery.provider,
    events,
    status: 'pending',
    acceptedAt,
    gsi1pk: partition,
    gsi1sk: `${acceptedAt}#${pk}`,
    ...(target === undefined ? {} : { target }),
  };
}

/** Events without a provider delivery (an automation's follow-up, a fired timer, the CLI's request) are keyed by their id. */
export function eventDelivery(event: DomainEvent): Delivery {
  return { provider: 'event', id: `${event.detailType}#${event.detail.eventId}` };
}
