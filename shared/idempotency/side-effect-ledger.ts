import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
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
  result?: unknown;
  expiresAt: number;
  [key: string]: unknown;
}

export interface LedgerOptions {
  /** How long a claim holds before another attempt may take it over (default 30 s). */
  leaseMs?: number;
  /** This process. */
  instance?: string;
  /**
   * This process is the only one performing effects on the table (the local runtime on its embedded
   * store, which LevelDB's lock keeps to one process): a pending claim of any other instance was left by
   * a process that died, and is taken over at once instead of after its lease.
   */
  soleWriter?: boolean;
}

export interface OnceOptions {
  /** How long the record is kept, i.e. how long a duplicate is recognised (default 30 days). */
  retentionDays?: number;
}

/**
 * Performs each side effect at most once per key (SPEC §2 "Idempotency"): a Slack post, an SMS, a label
 * change. The key names the effect (`after-hours.notice:C1:U1:2026-11-23T14:00:00.000Z`); the owner is the
 * event that wants it. A retried or replayed event gets the stored result back instead of a second post.
 *
 * One claim write before, one completion write after. A claim whose attempt died is taken over once its
 * lease has run out, so a crash mid-effect delays the effect instead of losing it.
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

  async once<T>(key: string, owner: string, effect: () => Promise<T>, options: OnceOptions = {}): Promise<EffectOutcome<T>> {
    const itemKey = { pk: `effect#${key}`, sk: 'effect' };
    const now = this.clock.now();
    try {
      await this.table.put(
        {
          ...itemKey,
          status: 'pending',
          owner,
          instance: this.instance,
          leaseUntil: now.getTime() + this.leaseMs,
          expiresAt: expiresInDays(now, options.retentionDays ?? 30),
        },
        {
          expression: `attribute_not_exists(pk) OR expiresAt <= :nowSeconds OR (#status = :pending AND (leaseUntil < :nowMs${
            this.soleWriter ? ' OR instance <> :instance' : ''
          }))`,
          names: { '#status': 'status' },
          values: {
            ':pending': 'pending',
            ':nowMs': now.getTime(),
            ':nowSeconds': Math.floor(now.getTime() / 1000),
            ...(this.soleWriter ? { ':instance': this.instance } : {}),
          },
        },
      );
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const existing = await this.table.get<EffectItem>(itemKey, { consistent: true });
      if (existing?.status === 'done') {
        return { result: existing.result as T, performedBy: existing.owner, alreadyDone: true };
      }
      throw new EffectInProgressError(key);
    }

    let result: T;
    try {
      result = await effect();
    } catch (error) {
      // Release the claim so that a retry can perform the effect at once. If the release itself fails,
      // the lease still frees the claim later, so the effect's own error is the one worth raising.
      await this.table
        .delete(itemKey, { expression: '#owner = :owner AND instance = :instance', names: { '#owner': 'owner' }, values: { ':owner': owner, ':instance': this.instance } })
        .catch(() => undefined);
      throw error;
    }
    try {
      await this.table.update(
        itemKey,
        { set: { status: 'done', result: result ?? null } },
        { expression: '#owner = :owner AND instance = :instance', names: { '#owner': 'owner' }, values: { ':owner': owner, ':instance': this.instance } },
      );
    } catch (error) {
      // Our lease ran out and another attempt took the claim over: its record is the one that stands.
      if (!(error instanceof ConditionFailedError)) throw error;
    }
    return { result, performedBy: owner, alreadyDone: false };
  }
}
