import type { Delivery, IntakeOutcome } from '../../shared/bus/delivery-intake';
import type { DomainEvent } from '../../shared/events/catalogue';
import { serviceUnavailable } from './http-error';
import type { IngestContext } from './ingest-context';

/**
 * Hands the events of one provider delivery to the intake; resolves only once they are durable, so the
 * caller can ack. A delivery accepted before is acked again without publishing anything. A store or bus
 * failure becomes 503, so that the provider retries: nothing acked is ever lost.
 */
export async function acceptDelivery(context: IngestContext, delivery: Delivery, events: readonly DomainEvent[]): Promise<IntakeOutcome> {
  let outcome: IntakeOutcome;
  try {
    outcome = await context.intake.accept(delivery, events);
  } catch (error) {
    context.log.error('publish failed', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
    throw serviceUnavailable('the event could not be stored; retry later');
  }
  if (outcome === 'duplicate') context.log.info('duplicate delivery acked', { provider: delivery.provider, deliveryId: delivery.id });
  else context.log.debug('accepted', { provider: delivery.provider, deliveryId: delivery.id, detailTypes: events.map((e) => e.detailType) });
  return outcome;
}
