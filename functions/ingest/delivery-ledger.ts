import type { Clock } from '../../shared/clock/clock';
import { expiresInDays, type Table } from '../../shared/store/table';

/** How long a delivery id is remembered: past Slack's retries and GitHub's manual redeliveries. */
const RETENTION_DAYS = 7;

/**
 * Provider delivery ids already published (Slack `event_id`, GitHub `X-GitHub-Delivery`, …), so that a
 * retried delivery is acked without being published again.
 */
export class DeliveryLedger {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async wasPublished(provider: string, deliveryId: string): Promise<boolean> {
    return (await this.table.get(key(provider, deliveryId))) !== undefined;
  }

  async markPublished(provider: string, deliveryId: string): Promise<void> {
    const now = this.clock.now();
    await this.table.put({ ...key(provider, deliveryId), publishedAt: now.toISOString(), expiresAt: expiresInDays(now, RETENTION_DAYS) });
  }
}

const key = (provider: string, deliveryId: string) => ({ pk: `delivery#${provider}#${deliveryId}`, sk: 'delivery' });
