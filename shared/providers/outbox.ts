import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
import { all, equals } from '../store/condition';
import { expiresInDays, type Table } from '../store/table';

/** The providers whose dry-run twins record into the outbox. */
export const OUTBOX_PROVIDERS = ['slack', 'twilio', 'github', 'unthread', 'google-sheets', 'salesforce'] as const;

/** One call a dry-run provider would have made, exactly as the live adapter would send it. */
export interface OutboxEntry {
  id: string;
  provider: string;
  operation: string;
  request: Record<string, unknown>;
  /** What the dry-run provider answered (a message's ts, an SMS's SID), so that it can be found again. */
  answer?: Record<string, unknown>;
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

  async record(provider: string, operation: string, request: Record<string, unknown>, answer?: Record<string, unknown>): Promise<OutboxEntry> {
    const now = this.clock.now();
    // Random, not time-based: outboxes in other processes or Lambda containers (same pid) write at once.
    const id = randomUUID();
    const entry: OutboxEntry = { id, provider, operation, request, ...(answer === undefined ? {} : { answer }), recordedAt: now.toISOString() };
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
    return items.map(toEntry);
  }

  /**
   * Every call of `operation` recorded since `since`, oldest first: how a dry-run provider finds what it
   * "sent" before a crash.
   */
  async recordedSince(provider: string, operation: string, since: Date): Promise<OutboxEntry[]> {
    const items = await this.table.query({
      partition: PARTITION,
      byTime: true,
      after: since.toISOString(),
      filter: all(equals('provider', provider), equals('operation', operation)),
    });
    return items.map(toEntry);
  }
}

function toEntry({ id, provider, operation, request, answer, recordedAt }: Record<string, unknown>): OutboxEntry {
  return {
    id: String(id),
    provider: String(provider),
    operation: String(operation),
    request: request as Record<string, unknown>,
    ...(answer === undefined || answer === null ? {} : { answer: answer as Record<string, unknown> }),
    recordedAt: String(recordedAt),
  };
}
