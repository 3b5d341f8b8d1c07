import type { DomainEvent } from '../events/catalogue';

/**
 * An event an automation could not take after its retries: a failed delivery of the local bus, or a
 * message of an automation's SQS dead-letter queue on AWS. `id` is what `deliveries redrive` takes.
 */
export interface FailedDelivery {
  id: string;
  automation: string;
  event: DomainEvent;
  error: string;
  attempts: number;
  failedAt: string;
}
