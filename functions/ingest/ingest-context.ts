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
  /**
   * The public base URL webhooks reach us at (`PUBLIC_BASE_URL`; locally the runtime's own URL by
   * default). Twilio signs the full URL, so its verification needs it.
   */
  publicBaseUrl: () => string | undefined;
  bus: EventBus;
  deliveries: DeliveryLedger;
  log: Logger;
  runtime: 'aws' | 'local';
  version: string;
}
