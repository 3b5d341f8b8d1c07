import { absent, any, below } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';

/** A customer message waiting for a team member's first reply. */
export interface Watch {
  channel: string;
  ts: string;
  /** Its thread: its own ts for a message at the top of the channel. */
  threadTs: string;
  user: string;
  customer: string;
  excerpt: string;
  dueAt: string;
  timerId: string;
  /** The event that started the watch: its run waits until the watch is answered or flagged. */
  startedBy?: string;
}

/** Watches and team activity are kept this long after their last write (deadlines are hours away, not weeks). */
const RETENTION_DAYS = 14;
const partitionOf = (channel: string) => `first-response#${channel}`;
const watchKey = (channel: string, ts: string) => ({ pk: partitionOf(channel), sk: `watch#${ts}` });
/** The latest team message at the top of the channel, or in one thread. */
const teamKey = (channel: string, threadTs: string | undefined) => ({ pk: partitionOf(channel), sk: threadTs === undefined ? 'team' : `team#${threadTs}` });

/**
 * The watch's state, one partition per channel: the pending watches (listed in one query when a team
 * member writes), and the latest team message in the channel and in each thread — checked when a
 * deadline comes, so that a reply processed before the customer's message still counts.
 */
export class WatchStore {
  constructor(private readonly table: Table) {}

  async start(watch: Watch): Promise<void> {
    await this.table.put({ ...watchKey(watch.channel, watch.ts), ...watch, expiresAt: expiresInDays(new Date(watch.dueAt), RETENTION_DAYS) });
  }

  async get(channel: string, ts: string): Promise<Watch | undefined> {
    const item = await this.table.get<Watch & { pk: string; sk: string }>(watchKey(channel, ts), { consistent: true });
    return item === undefined ? undefined : toWatch(item);
  }

  /** The channel's pending watches, oldest first. */
  async pending(channel: string): Promise<Watch[]> {
    return (await this.table.query<Watch & { pk: string; sk: string }>({ partition: partitionOf(channel), beginsWith: 'watch#' })).map(toWatch);
  }

  async close(channel: string, ts: string): Promise<void> {
    await this.table.delete(watchKey(channel, ts));
  }

  /** A team member wrote at `ts`, at the top of the channel or in a thread: the latest one is kept. */
  async noteTeamMessage(channel: string, threadTs: string | undefined, ts: string, now: Date): Promise<void> {
    try {
      // Slack ts of our era have the same number of digits, so they order as strings.
      await this.table.update(teamKey(channel, threadTs), { set: { lastTs: ts, expiresAt: expiresInDays(now, RETENTION_DAYS) } }, any(absent('lastTs'), below('lastTs', ts)));
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error; // a later message is already noted
    }
  }

  /** The latest team message after `ts` at the top of the channel or in `threadTs`, if any. */
  async teamAnswerAfter(channel: string, threadTs: string, ts: string): Promise<string | undefined> {
    const [inChannel, inThread] = await Promise.all([
      this.table.get<{ lastTs?: string }>(teamKey(channel, undefined), { consistent: true }),
      this.table.get<{ lastTs?: string }>(teamKey(channel, threadTs), { consistent: true }),
    ]);
    return [inChannel?.lastTs, inThread?.lastTs].filter((lastTs): lastTs is string => lastTs !== undefined && lastTs > ts).sort()[0];
  }
}

function toWatch(item: Watch & { pk: string; sk: string }): Watch {
  const { channel, ts, threadTs, user, customer, excerpt, dueAt, timerId, startedBy } = item;
  return { channel, ts, threadTs, user, customer, excerpt, dueAt, timerId, ...(startedBy === undefined ? {} : { startedBy }) };
}
