import type { DomainEvent } from '../events/catalogue';

/**
 * The bus port. EventBridge on AWS, the in-process dispatcher locally. `publish` resolves only once the
 * events are durably accepted, so ingest can ack after it: nothing acked is lost.
 */
export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** The bus did not accept an event; ingest answers 5xx so that the provider retries. */
export class PublishError extends Error {
  override readonly name = 'PublishError';
}
