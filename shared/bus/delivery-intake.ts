import type { DomainEvent } from '../events/catalogue';

/** One webhook delivery as its provider identifies it (Slack `event_id`, `X-GitHub-Delivery`, a MessageSid…). */
export interface Delivery {
  provider: string;
  id: string;
}

export type IntakeOutcome = 'accepted' | 'duplicate';

/**
 * Where ingest hands the events of a verified delivery. `accept` resolves once they are durable — so
 * ingest can ack — and answers `duplicate`, accepting nothing, for a delivery accepted before.
 *
 * On AWS: a ledger of delivery ids in front of EventBridge. Locally: one conditional insert into the
 * local bus's queue, keyed by the delivery, which is both the deduplication and the durability.
 */
export interface DeliveryIntake {
  accept(delivery: Delivery, events: readonly DomainEvent[]): Promise<IntakeOutcome>;
}
