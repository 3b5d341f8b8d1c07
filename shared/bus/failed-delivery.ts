import type { DomainEvent } from '../events/catalogue';

/**
 * An event an automation could not take after its retries: a failed delivery of the local bus, or a
 * message of an automation's SQS dead-letter queue on AWS. `id` is what `deliveries redrive` takes.
 */
export interface FailedDelivery {
  id: string;
  automation: string;
  /** The run that failed (an original run, or a replay of one): a redrive runs it again. */
  runId: string;
  /** When the run that failed is a replay: the run it replays. */
  replayOf?: string;
  event: DomainEvent;
  error: string;
  attempts: number;
  failedAt: string;
}
