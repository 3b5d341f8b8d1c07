import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
import { equals } from '../store/condition';
import { expiresInDays, type Table } from '../store/table';

/** One call a dry-run provider would have made, exactly as the live adapter would send it. */
export interface OutboxEntry {
  id: string;
  provider: string;
  operation: string;
  request: Record<string, unknown>;
  recordedAt: string;
}

const PARTITION = 'outbox';

/**
 * Where dry-run providers write instead of sending (`switchboard outbox list`). Kept 30 days, listed by time.
 */
export class Outbox {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async record(provider: string, operation: string, request: Record<string, unknown>): Promise<OutboxEntry> {
    const now = this.clock.now();
    // Random, not time-based: outboxes in other processes or Lambda containers (same pid) write at once.
    const id = randomUUID();
    const entry: OutboxEntry = { id, provider, operation, request, recordedAt: now.toISOString() };
    await this.table.put({
      pk: `outbox#${id}`,
      sk: 'outbox',
      gsi1pk: PARTITION,
      gsi1sk: `${entry.recordedAt}#${id}`,
      expiresAt: expiresInDays(now, 30),
      ...entry,
    });
    return entry;
  }

  /** Newest first. */
  async list(options: { limit?: number; provider?: string } = {}): Promise<OutboxEntry[]> {
    const items = await this.table.query({
      partition: PARTITION,
      byTime: true,
      descending: true,
      limit: options.limit ?? 20,
      ...(options.provider === undefined ? {} : { filter: equals('provider', options.provider) }),
    });
    return items.map(({ id, provider, operation, request, recordedAt }) => ({
      id: String(id),
      provider: String(provider),
      operation: String(operation),
      request: request as Record<string, unknown>,
      recordedAt: String(recordedAt),
    }));
  }
}
