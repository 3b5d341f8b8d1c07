import type { EventBus } from '../../shared/bus/event-bus';
import type { Clock } from '../../shared/clock/clock';
import type { Logger } from '../../shared/log/logger';
import type { Secrets } from '../../shared/settings/secrets';
import type { DeliveryLedger } from './delivery-ledger';

/** What ingest needs, built once per process (Lambda container or local runtime). */
export interface IngestContext {
  clock: Clock;
  /** The verifying secrets; a function so that a rotated secret is picked up without a restart. */
  secrets: () => Promise<Secrets>;
  bus: EventBus;
  deliveries: DeliveryLedger;
  log: Logger;
  runtime: 'aws' | 'local';
  version: string;
}
