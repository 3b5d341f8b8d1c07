import type { Delivery, DeliveryIntake, IntakeOutcome } from '../../shared/bus/delivery-intake';
import type { EventBus } from '../../shared/bus/event-bus';
import type { DomainEvent } from '../../shared/events/catalogue';
import type { Logger } from '../../shared/log/logger';
import type { DeliveryLedger } from './delivery-ledger';

/**
 * The intake on AWS: EventBridge has no deduplication of its own, so delivery ids already published are
 * kept in the table (a read before, a write after the publish). Two copies racing past the check both
 * publish; that is safe, because every run and side effect is keyed by the event id downstream.
 */
export class LedgeredIntake implements DeliveryIntake {
  constructor(
    private readonly bus: EventBus,
    private readonly deliveries: DeliveryLedger,
    private readonly log: Logger,
  ) {}

  async accept(delivery: Delivery, events: readonly DomainEvent[]): Promise<IntakeOutcome> {
    if (await this.wasPublished(delivery)) return 'duplicate';
    await this.bus.publish(events);
    try {
      await this.deliveries.markPublished(delivery.provider, delivery.id);
    } catch (error) {
      // Published already, so ack: a redelivery will publish again and be deduplicated downstream.
      this.log.warn('delivery not recorded', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
    }
    return 'accepted';
  }

  /** A ledger that cannot be read does not block publishing: downstream deduplication covers the rare repeat. */
  private async wasPublished(delivery: Delivery): Promise<boolean> {
    try {
      return await this.deliveries.wasPublished(delivery.provider, delivery.id);
    } catch (error) {
      this.log.warn('delivery ledger unreadable', { provider: delivery.provider, deliveryId: delivery.id, error: error as Error });
      return false;
    }
  }
}
