import type { DomainEvent } from '../../shared/events/catalogue';
import { serviceUnavailable } from './http-error';
import type { IngestContext } from './ingest-context';

export type PublishOutcome = 'published' | 'duplicate';

/**
 * Publishes the events of one provider delivery unless that delivery was published before; resolves only
 * after the bus accepted them, so the caller can ack. A bus failure becomes 503 (the provider retries).
 *
 * Two copies racing past the check both publish; that is safe because every automation run and side
 * effect is keyed by the event id downstream.
 */
export async function publishDelivery(
  context: IngestContext,
  delivery: { provider: string; id: string },
  events: readonly DomainEvent[],
): Promise<PublishOutcome> {
  if (await wasPublished(context, delivery)) {
    context.log.info('duplicate delivery acked', { provider: delivery.provider, deliveryId: delivery.id });
    return 'duplicate';
  }
  try {
    await context.bus.publish(events);
  } catch (error) {
    context.log.error('publish failed', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
    throw serviceUnavailable('the event could not be stored; retry later');
  }
  try {
    await context.deliveries.markPublished(delivery.provider, delivery.id);
  } catch (error) {
    // Published already, so ack: a redelivery will publish again and be deduplicated downstream.
    context.log.warn('delivery not recorded', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
  }
  context.log.info('published', { provider: delivery.provider, deliveryId: delivery.id, detailTypes: events.map((e) => e.detailType) });
  return 'published';
}

/** A ledger that cannot be read does not block publishing: downstream deduplication covers the rare repeat. */
async function wasPublished(context: IngestContext, delivery: { provider: string; id: string }): Promise<boolean> {
  try {
    return await context.deliveries.wasPublished(delivery.provider, delivery.id);
  } catch (error) {
    context.log.warn('delivery ledger unreadable', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
    return false;
  }
}
