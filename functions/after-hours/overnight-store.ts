import { any, absent, below } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';

/** A customer's message of an after-hours period, as the digest lists it. */
export interface OvernightMessage {
  channel: string;
  ts: string;
  /** The thread it belongs to: its own ts for a message at the top of the channel. */
  threadTs: string;
  user: string;
  customer: string;
  excerpt: string;
}

export interface Night {
  /** The period's customer messages, oldest first. */
  messages: OvernightMessage[];
  /** The latest team reply in each thread (`{channel}:{threadTs}` → ts). */
  lastTeamReply: ReadonlyMap<string, string>;
}

/** Kept a while after the digest, for a late or replayed one; then the table forgets them. */
const RETENTION_DAYS_AFTER_OPENING = 7;
const partitionOf = (opening: Date) => `overnight#${opening.toISOString()}`;
export const threadOf = (channel: string, threadTs: string) => `${channel}:${threadTs}`;

/**
 * What the overnight digest needs from each after-hours period (named by the opening that ends it): one
 * item per customer message, and one per thread a team member replied in, holding the latest reply. All
 * of a period is one partition, read in one query when the digest is due.
 */
export class OvernightStore {
  constructor(private readonly table: Table) {}

  /** One write per message; a retried run writes the same item again. */
  async recordCustomerMessage(opening: Date, message: OvernightMessage): Promise<void> {
    await this.table.put({
      pk: partitionOf(opening),
      sk: `message#${message.ts}#${message.channel}`,
      ...message,
      expiresAt: expiresInDays(opening, RETENTION_DAYS_AFTER_OPENING),
    });
  }

  /** One conditional write per team reply in a thread: the latest reply wins, whatever order they arrive in. */
  async recordTeamReply(opening: Date, channel: string, threadTs: string, replyTs: string): Promise<void> {
    try {
      await this.table.update(
        { pk: partitionOf(opening), sk: `reply#${threadOf(channel, threadTs)}` },
        { set: { thread: threadOf(channel, threadTs), lastReplyTs: replyTs, expiresAt: expiresInDays(opening, RETENTION_DAYS_AFTER_OPENING) } },
        // Slack ts of our era have the same number of digits, so they order as strings.
        any(absent('lastReplyTs'), below('lastReplyTs', replyTs)),
      );
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error; // a later reply is already recorded
    }
  }

  async night(opening: Date): Promise<Night> {
    const items = await this.table.query<Record<string, unknown> & { sk: string }>({ partition: partitionOf(opening) });
    const messages: OvernightMessage[] = [];
    const lastTeamReply = new Map<string, string>();
    for (const item of items) {
      if (item.sk.startsWith('message#')) {
        const { channel, ts, threadTs, user, customer, excerpt } = item as unknown as OvernightMessage;
        messages.push({ channel, ts, threadTs, user, customer, excerpt });
      } else if (item.sk.startsWith('reply#')) {
        lastTeamReply.set(String(item['thread']), String(item['lastReplyTs']));
      }
    }
    messages.sort((a, b) => a.ts.localeCompare(b.ts) || a.channel.localeCompare(b.channel));
    return { messages, lastTeamReply };
  }
}
