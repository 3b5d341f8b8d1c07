import { absent, any, below, equals } from '../../shared/store/condition';
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
  /** Unique per watch (it names the watched message): a thread's next watch never reuses the timer of the last one. */
  timerId: string;
  /** The event that started the watch: its run waits until the watch is answered or flagged. */
  startedBy?: string;
}

/** Watches and team activity are kept this long after their last write (deadlines are hours away, not weeks). */
const RETENTION_DAYS = 14;
const partitionOf = (channel: string) => `first-response#${channel}`;
/** One pending watch per thread: a later customer line in the thread is the same question. */
const watchKey = (channel: string, threadTs: string) => ({ pk: partitionOf(channel), sk: `watch#${threadTs}` });
/** A customer's pending watch at the top of the channel: their next lines there are the same question. */
const customerKey = (channel: string, user: string) => ({ pk: partitionOf(channel), sk: `customer#${user}` });
/**
 * The latest team message at the top of the channel; or a thread's latest answer: a team reply in it,
 * or the message (or counted reaction) that answered its watch.
 */
const teamKey = (channel: string, threadTs: string | undefined) => ({ pk: partitionOf(channel), sk: threadTs === undefined ? 'team' : `team#${threadTs}` });
/** A watched customer line that is not its thread's root (a reply, or a line that joined a watch): which thread it is in. */
const lineKey = (channel: string, ts: string) => ({ pk: partitionOf(channel), sk: `line#${ts}` });

/**
 * The watch's state, one partition per channel: one pending watch per thread, keyed by the thread, and
 * for each customer their pending watch at the top of the channel — so that a new message finds the
 * question it continues with one read however busy the channel — and the latest team message in the
 * channel and each thread's latest answer, checked when a deadline comes (a reply processed before the
 * customer's message still counts) and when a customer writes in a thread (an answered thread needs no
 * first reply). Each watched line that is not a thread's root points to its thread, so that a reaction
 * on it finds the one watch it may answer. Only a team member's message at the top of the channel, which
 * answers every earlier question, lists the pending watches.
 */
export class WatchStore {
  constructor(private readonly table: Table) {}

  /** Starts a watch; at the top of the channel, it is also the customer's; in a thread, its line points there. */
  async start(watch: Watch): Promise<void> {
    const expiresAt = expiresInDays(new Date(watch.dueAt), RETENTION_DAYS);
    await this.table.put({ ...watchKey(watch.channel, watch.threadTs), ...watch, expiresAt });
    if (watch.threadTs === watch.ts) await this.table.put({ ...customerKey(watch.channel, watch.user), threadTs: watch.threadTs, expiresAt });
    else await this.noteLine(watch.channel, watch.ts, watch);
  }

  /** A customer line joined `watch`: a reaction on it answers that watch. */
  async noteLine(channel: string, ts: string, watch: Pick<Watch, 'threadTs' | 'dueAt'>): Promise<void> {
    await this.table.put({ ...lineKey(channel, ts), threadTs: watch.threadTs, expiresAt: expiresInDays(new Date(watch.dueAt), RETENTION_DAYS) });
  }

  /**
   * The pending watch a message answers when reacted to: its own (it started one at the top of the
   * channel, or is the root of a watched thread), or that of the thread it was watched in.
   */
  async watchOfMessage(channel: string, ts: string): Promise<Watch | undefined> {
    const own = await this.get(channel, ts);
    if (own !== undefined) return own;
    const line = await this.table.get<{ threadTs: string }>(lineKey(channel, ts), { consistent: true });
    return line === undefined ? undefined : this.get(channel, line.threadTs);
  }

  /** The pending watch of a thread (a message's own ts for the top of the channel). */
  async get(channel: string, threadTs: string): Promise<Watch | undefined> {
    const item = await this.table.get<Watch & { pk: string; sk: string }>(watchKey(channel, threadTs), { consistent: true });
    return item === undefined ? undefined : toWatch(item);
  }

  /**
   * The pending watch a new customer message continues, if any: the one of its thread, or, at the top of
   * the channel, the one the same customer started there earlier.
   */
  async continued(channel: string, message: { ts: string; threadTs: string | undefined; user: string }): Promise<Watch | undefined> {
    let threadTs = message.threadTs;
    if (threadTs === undefined) {
      threadTs = (await this.table.get<{ threadTs: string }>(customerKey(channel, message.user), { consistent: true }))?.threadTs;
      if (threadTs === undefined) return undefined;
    }
    const watch = await this.get(channel, threadTs);
    return watch !== undefined && watch.ts < message.ts ? watch : undefined;
  }

  /** The channel's pending watches, oldest first (for a team message at the top of the channel). */
  async pending(channel: string): Promise<Watch[]> {
    const watches = (await this.table.query<Watch & { pk: string; sk: string }>({ partition: partitionOf(channel), beginsWith: 'watch#' })).map(toWatch);
    return watches.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  }

  /** Forgets a watch, and the customer's pointer to it. */
  async close(watch: Pick<Watch, 'channel' | 'threadTs' | 'user'>): Promise<void> {
    await this.table.delete(watchKey(watch.channel, watch.threadTs));
    try {
      await this.table.delete(customerKey(watch.channel, watch.user), equals('threadTs', watch.threadTs));
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error; // not theirs at the top of the channel, or a newer one
    }
  }

  /**
   * A team member wrote at `ts`, at the top of the channel or in a thread — or answered the watch of the
   * thread `threadTs` at `ts` — : the latest one is kept.
   */
  async noteTeamMessage(channel: string, threadTs: string | undefined, ts: string, now: Date): Promise<void> {
    try {
      // Slack ts of our era have the same number of digits, so they order as strings.
      await this.table.update(teamKey(channel, threadTs), { set: { lastTs: ts, expiresAt: expiresInDays(now, RETENTION_DAYS) } }, any(absent('lastTs'), below('lastTs', ts)));
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error; // a later message is already noted
    }
  }

  /**
   * When the team answered a thread, if it did (the latest answer kept): a team member replied in it, or
   * the watch of its first question was answered (`noteTeamMessage` with the answer's ts).
   */
  async threadAnsweredAt(channel: string, threadTs: string): Promise<string | undefined> {
    return (await this.table.get<{ lastTs?: string }>(teamKey(channel, threadTs), { consistent: true }))?.lastTs;
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
