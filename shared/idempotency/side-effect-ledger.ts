import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
import { all, equals, itemAbsent } from '../store/condition';
import { ConditionFailedError } from '../store/store-errors';
import { expiresInDays, type Table } from '../store/table';

/** Another attempt holds the key and has not finished yet; try again later (a transient condition). */
export class EffectInProgressError extends Error {
  override readonly name = 'EffectInProgressError';
  constructor(readonly key: string) {
    super(`side effect ${key} is being performed by another attempt`);
  }
}

export interface EffectOutcome<T> {
  result: T;
  /** The event that performed the effect. */
  performedBy: string;
  /** True when the effect had been performed before and was not repeated. */
  alreadyDone: boolean;
}

interface EffectItem {
  pk: string;
  sk: string;
  status: 'pending' | 'done';
  owner: string;
  /** The process that claimed it. */
  instance: string;
  leaseUntil: number;
  /** When the claim was made (ms): the effect, if it happened, happened after it. */
  claimedAt?: number;
  result?: unknown;
  /** How a taken-over claim was settled: the provider said the effect had happened (`found`). */
  settledBy?: 'found';
  expiresAt: number;
  [key: string]: unknown;
}

export interface LedgerOptions {
  /** How long a claim holds before another attempt may take it over (default 30 s). */
  leaseMs?: number;
  /** This process. */
  instance?: string;
  /**
   * This process is the only one performing effects on the table (the local runtime, whose lock keeps it
   * to one process per data directory): a pending claim of any other instance was left by a process that
   * died, and is taken over at once instead of after its lease.
   */
  soleWriter?: boolean;
}

/** What `find` is told about the claim it settles. */
export interface UnfinishedClaim {
  /** When the attempt that died claimed the effect: if the effect happened, it happened after this. */
  claimedAt: Date;
}

export interface OnceOptions<T = unknown> {
  /** How long the record is kept, i.e. how long a duplicate is recognised (default 30 days). */
  retentionDays?: number;
  /**
   * Asks the provider whether the effect already happened, when a claim left unfinished by a crashed
   * attempt is taken over (the provider may have accepted the call before the completion was written).
   * Resolves with the effect's result when it did happen, undefined when it did not. Without it, an
   * unfinished effect is performed again after a crash: an effect without one says why in a comment.
   */
  find?: (claim: UnfinishedClaim) => Promise<T | undefined>;
}

/**
 * Performs each side effect at most once per key (SPEC §2 "Idempotency"): a Slack post, an SMS, a label
 * change. The key names the effect (`after-hours.notice:C1:U1:2026-11-23T14:00:00.000Z`); the owner is the
 * event that wants it. A retried or replayed event gets the stored result back instead of a second post.
 *
 * One claim write before, one completion write after. A claim whose attempt died is taken over once its
 * lease has run out (at once by the sole writer), and the effect's `find` asks the provider first whether
 * it already happened, so a crash mid-effect neither loses the effect nor repeats it.
 *
 * @example
 * const { result, alreadyDone } = await ledger.once(`slack.post:${channel}:${ts}`, eventId, () => slack.postMessage(m));
 */
export class SideEffectLedger {
  private readonly leaseMs: number;
  private readonly instance: string;
  private readonly soleWriter: boolean;

  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
    options: LedgerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.instance = options.instance ?? randomUUID();
    this.soleWriter = options.soleWriter ?? false;
  }

  async once<T>(key: string, owner: string, effect: () => Promise<T>, options: OnceOptions<T> = {}): Promise<EffectOutcome<T>> {
    const itemKey = effectKey(key);
    const claim = (claimedAt?: number): EffectItem => {
      const now = this.clock.now();
      return {
        ...itemKey,
        status: 'pending',
        owner,
        instance: this.instance,
        leaseUntil: now.getTime() + this.leaseMs,
        claimedAt: claimedAt ?? now.getTime(),
        expiresAt: expiresInDays(now, options.retentionDays ?? 30),
      };
    };

    let takenOver: EffectItem | undefined;
    let claimedAt: number;
    try {
      const fresh = claim();
      await this.table.put(fresh, itemAbsent);
      claimedAt = fresh.claimedAt as number;
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const existing = await this.table.get<EffectItem>(itemKey, { consistent: true });
      if (existing?.status === 'done') return { result: existing.result as T, performedBy: existing.owner, alreadyDone: true };
      if (existing === undefined || !this.mayTakeOver(existing)) throw new EffectInProgressError(key);
      // The earliest unfinished claim is kept: if the effect happened, it happened after that one.
      // (Claims written before claimedAt was recorded began their lease when they were made.)
      claimedAt = existing.claimedAt ?? existing.leaseUntil - this.leaseMs;
      try {
        // Only the claim as it was read: of two attempts taking over at once, one wins.
        await this.table.put(claim(claimedAt), all(equals('status', 'pending'), equals('instance', existing.instance), equals('leaseUntil', existing.leaseUntil)));
      } catch (lost) {
        if (lost instanceof ConditionFailedError) throw new EffectInProgressError(key);
        throw lost;
      }
      takenOver = existing;
    }

    const find = options.find;
    if (takenOver !== undefined && find !== undefined) {
      const found = await this.settleOnFailure(itemKey, owner, find !== undefined, () => find({ claimedAt: new Date(claimedAt) }));
      if (found !== undefined) {
        await this.complete(itemKey, owner, found, 'found');
        return { result: found, performedBy: takenOver.owner, alreadyDone: true };
      }
    }
    const result = await this.settleOnFailure(itemKey, owner, find !== undefined, effect);
    await this.complete(itemKey, owner, result);
    return { result, performedBy: owner, alreadyDone: false };
  }

  private mayTakeOver(claim: EffectItem): boolean {
    return claim.leaseUntil < this.clock.now().getTime() || (this.soleWriter && claim.instance !== this.instance);
  }

  /**
   * Runs `action`; if it throws, lets a retry in at once. Without a look-up the claim is released: the
   * retry performs the effect. With one, the claim is kept but its lease ended, so that the retry takes it
   * over and asks the provider first: a call that failed on our side (a timeout, a lost answer) may have
   * been accepted by the provider all the same.
   */
  private async settleOnFailure<R>(itemKey: { pk: string; sk: string }, owner: string, lookable: boolean, action: () => Promise<R>): Promise<R> {
    try {
      return await action();
    } catch (error) {
      // If this write fails, the lease still frees the claim later: the action's error is the one to raise.
      const letRetryIn = lookable ? this.table.update(itemKey, { set: { leaseUntil: 0 } }, this.ours(owner)) : this.table.delete(itemKey, this.ours(owner));
      await letRetryIn.catch(() => undefined);
      throw error;
    }
  }

  private async complete(itemKey: { pk: string; sk: string }, owner: string, result: unknown, settledBy?: 'found'): Promise<void> {
    try {
      await this.table.update(itemKey, { set: { status: 'done', result: result ?? null, ...(settledBy === undefined ? {} : { settledBy }) } }, this.ours(owner));
    } catch (error) {
      // Our lease ran out and another attempt took the claim over: its record is the one that stands.
      if (!(error instanceof ConditionFailedError)) throw error;
    }
  }

  private ours(owner: string) {
    return all(equals('owner', owner), equals('instance', this.instance));
  }
}

const effectKey = (key: string) => ({ pk: `effect#${key}`, sk: 'effect' });

/** What the ledger holds for a key now: for the console's run page (a read, no claim). */
export interface EffectState {
  status: 'pending' | 'done';
  /** The event that performed it (or holds the claim). */
  performedBy: string;
  settledBy?: 'found';
}

export async function readEffectState(table: Table, key: string): Promise<EffectState | undefined> {
  const item = await table.get<EffectItem>(effectKey(key));
  if (item === undefined) return undefined;
  return { status: item.status, performedBy: item.owner, ...(item.settledBy === undefined ? {} : { settledBy: item.settledBy }) };
}
