import { beforeEach, describe, expect, it } from 'vitest';
import { EffectInProgressError, SideEffectLedger } from '../../../shared/idempotency/side-effect-ledger';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const NOW = '2026-11-22T10:00:00.000Z';
const KEY = 'slack.post:C0ACMEPROD:1763805600.000100';
const DAY_MS = 86_400_000;

/** An effect that counts its calls and answers with a result. */
function countingEffect<T>(result: T) {
  const effect = async (): Promise<T> => {
    effect.calls += 1;
    return result;
  };
  effect.calls = 0;
  return effect;
}

/** A promise the test settles by hand, to hold an effect mid-flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('side-effect ledger', () => {
  let clock: ManualClock;
  let table: Table;
  let ledger: SideEffectLedger;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    table = await createTestTable(clock);
    ledger = new SideEffectLedger(table, clock);
  });

  it('performs an effect once per key and returns its result', async () => {
    const post = countingEffect({ ts: '1763805600.000200' });

    const outcome = await ledger.once(KEY, 'Ev001', post);

    expect(post.calls).toBe(1);
    expect(outcome).toEqual({ result: { ts: '1763805600.000200' }, performedBy: 'Ev001', alreadyDone: false });
  });

  it('does not repeat an effect for the same owner and returns the stored result', async () => {
    const post = countingEffect({ ts: '1763805600.000200' });
    await ledger.once(KEY, 'Ev001', post);

    const again = await ledger.once(KEY, 'Ev001', post);

    expect(post.calls).toBe(1);
    expect(again).toEqual({ result: { ts: '1763805600.000200' }, performedBy: 'Ev001', alreadyDone: true });
  });

  it('does not repeat an effect for another owner and names the first owner as the performer', async () => {
    const first = countingEffect({ ts: '1763805600.000200' });
    const second = countingEffect({ ts: '1763805600.000300' });
    await ledger.once(KEY, 'Ev001', first);

    const again = await ledger.once(KEY, 'Ev002', second);

    expect(second.calls).toBe(0);
    expect(again).toEqual({ result: { ts: '1763805600.000200' }, performedBy: 'Ev001', alreadyDone: true });
  });

  it('performs effects with different keys independently', async () => {
    const post = countingEffect('posted');

    await ledger.once(`${KEY}:a`, 'Ev001', post);
    const other = await ledger.once(`${KEY}:b`, 'Ev001', post);

    expect(post.calls).toBe(2);
    expect(other.alreadyDone).toBe(false);
  });

  it('recognises a record written by another ledger on the same table', async () => {
    const post = countingEffect('posted');
    await ledger.once(KEY, 'Ev001', post);

    const again = await new SideEffectLedger(table, clock).once(KEY, 'Ev001', post);

    expect(post.calls).toBe(1);
    expect(again.alreadyDone).toBe(true);
  });

  it('runs the effect exactly once when two attempts race for the same key', async () => {
    const gate = deferred<string>();
    let calls = 0;
    const effect = () => {
      calls += 1;
      return gate.promise;
    };

    const racing = [ledger.once(KEY, 'Ev001', effect), new SideEffectLedger(table, clock).once(KEY, 'Ev001:retry', effect)];
    // The effect cannot finish before the gate opens, so whichever attempt settles first lost the claim.
    const loser = await Promise.race(racing.map((attempt) => attempt.then(() => 'resolved', () => 'rejected')));
    gate.resolve('posted');
    const outcomes = await Promise.allSettled(racing);

    expect(loser).toBe('rejected');
    expect(calls).toBe(1);
    const done = outcomes.filter((o) => o.status === 'fulfilled');
    const inProgress = outcomes.filter((o) => o.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ value: { result: 'posted', alreadyDone: false } });
    expect(inProgress).toHaveLength(1);
    expect((inProgress[0] as PromiseRejectedResult).reason).toBeInstanceOf(EffectInProgressError);
    expect((inProgress[0] as PromiseRejectedResult).reason).toMatchObject({ key: KEY });
  });

  it('gives a concurrent attempt the stored result once the first attempt has finished', async () => {
    const gate = deferred<string>();
    const first = ledger.once(KEY, 'Ev001', () => gate.promise);
    await expect(ledger.once(KEY, 'Ev002', async () => 'second')).rejects.toBeInstanceOf(EffectInProgressError);

    gate.resolve('posted');
    await first;
    const later = await ledger.once(KEY, 'Ev002', async () => 'second');

    expect(later).toEqual({ result: 'posted', performedBy: 'Ev001', alreadyDone: true });
  });

  it('releases the claim when the effect throws, so that a retry performs it', async () => {
    const failure = new Error('slack said no');
    let calls = 0;

    const failed = ledger.once(KEY, 'Ev001', async () => {
      calls += 1;
      throw failure;
    });
    await expect(failed).rejects.toBe(failure);
    const retry = await ledger.once(KEY, 'Ev001', async () => {
      calls += 1;
      return 'posted';
    });

    expect(calls).toBe(2);
    expect(retry).toEqual({ result: 'posted', performedBy: 'Ev001', alreadyDone: false });
  });

  describe('a claim whose attempt died', () => {
    const LEASE_MS = 1_000;

    async function startAttemptThatNeverFinishes(owner: string): Promise<void> {
      const claimed = deferred<void>();
      void ledger.once(KEY, owner, () => {
        claimed.resolve();
        return new Promise<never>(() => undefined);
      });
      await claimed.promise;
    }

    beforeEach(() => {
      ledger = new SideEffectLedger(table, clock, { leaseMs: LEASE_MS });
    });

    it('is respected while its lease lasts', async () => {
      await startAttemptThatNeverFinishes('Ev001');
      const retry = countingEffect('posted');

      clock.advance(LEASE_MS - 1);
      const attempt = ledger.once(KEY, 'Ev002', retry);

      await expect(attempt).rejects.toBeInstanceOf(EffectInProgressError);
      expect(retry.calls).toBe(0);
    });

    it('is taken over once its lease has run out', async () => {
      await startAttemptThatNeverFinishes('Ev001');
      const retry = countingEffect('posted');

      clock.advance(LEASE_MS + 1);
      const takeover = await ledger.once(KEY, 'Ev002', retry);

      expect(retry.calls).toBe(1);
      expect(takeover).toEqual({ result: 'posted', performedBy: 'Ev002', alreadyDone: false });
      expect(await ledger.once(KEY, 'Ev003', retry)).toEqual({ result: 'posted', performedBy: 'Ev002', alreadyDone: true });
    });

    it('keeps the record of the attempt that took over when the late one finishes after all', async () => {
      const late = deferred<string>();
      const lateClaimed = deferred<void>();
      const lateAttempt = ledger.once(KEY, 'Ev001', () => {
        lateClaimed.resolve();
        return late.promise;
      });
      await lateClaimed.promise;
      clock.advance(LEASE_MS + 1);
      await ledger.once(KEY, 'Ev002', countingEffect('posted by the takeover'));

      late.resolve('posted late');
      await lateAttempt;

      expect(await ledger.once(KEY, 'Ev003', countingEffect('unused'))).toEqual({ result: 'posted by the takeover', performedBy: 'Ev002', alreadyDone: true });
    });
  });

  it('does not release a newer claim when a late attempt of the same event fails', async () => {
    const lateClaimed = deferred<void>();
    const lateGate = deferred<string>();
    const late = new SideEffectLedger(table, clock, { leaseMs: 1_000, instance: 'slow-process' });
    const lateAttempt = late.once(KEY, 'Ev001', () => {
      lateClaimed.resolve();
      return lateGate.promise;
    });
    await lateClaimed.promise;
    clock.advance(1_001);
    const newerClaimed = deferred<void>();
    const newerGate = deferred<string>();
    const newer = new SideEffectLedger(table, clock, { leaseMs: 60_000, instance: 'retrying-process' });
    const newerAttempt = newer.once(KEY, 'Ev001', () => {
      newerClaimed.resolve();
      return newerGate.promise;
    });
    await newerClaimed.promise;

    lateGate.reject(new Error('timed out'));
    await expect(lateAttempt).rejects.toThrow('timed out');
    const third = countingEffect('third');
    const thirdAttempt = ledger.once(KEY, 'Ev001', third);

    await expect(thirdAttempt).rejects.toBeInstanceOf(EffectInProgressError);
    expect(third.calls).toBe(0);
    newerGate.resolve('posted');
    await expect(newerAttempt).resolves.toMatchObject({ result: 'posted', alreadyDone: false });
  });

  describe('a sole writer (the local runtime on its own embedded store)', () => {
    async function claimThatNeverFinishes(claimant: SideEffectLedger, owner: string): Promise<void> {
      const claimed = deferred<void>();
      void claimant.once(KEY, owner, () => {
        claimed.resolve();
        return new Promise<never>(() => undefined);
      });
      await claimed.promise;
    }

    it('takes over at once a pending claim left by another process', async () => {
      await claimThatNeverFinishes(new SideEffectLedger(table, clock, { instance: 'crashed-process' }), 'Ev001');
      const restarted = new SideEffectLedger(table, clock, { instance: 'restarted-process', soleWriter: true });
      const retry = countingEffect('posted');

      const takeover = await restarted.once(KEY, 'Ev001', retry);

      expect(retry.calls).toBe(1);
      expect(takeover).toEqual({ result: 'posted', performedBy: 'Ev001', alreadyDone: false });
    });

    it('does not take over a pending claim of its own process before the lease runs out', async () => {
      const sole = new SideEffectLedger(table, clock, { instance: 'this-process', soleWriter: true });
      await claimThatNeverFinishes(sole, 'Ev001');
      const retry = countingEffect('posted');

      await expect(sole.once(KEY, 'Ev002', retry)).rejects.toBeInstanceOf(EffectInProgressError);
      expect(retry.calls).toBe(0);
    });

    it('does not repeat an effect another process completed', async () => {
      const post = countingEffect('posted');
      await new SideEffectLedger(table, clock, { instance: 'earlier-process' }).once(KEY, 'Ev001', post);

      const again = await new SideEffectLedger(table, clock, { instance: 'this-process', soleWriter: true }).once(KEY, 'Ev001', post);

      expect(post.calls).toBe(1);
      expect(again.alreadyDone).toBe(true);
    });
  });

  describe('reconciliation of a claim taken over (find)', () => {
    async function claimThatNeverFinishes(owner: string): Promise<void> {
      const claimed = deferred<void>();
      void new SideEffectLedger(table, clock, { instance: 'crashed-process' }).once(KEY, owner, () => {
        claimed.resolve();
        return new Promise<never>(() => undefined);
      });
      await claimed.promise;
    }
    const restarted = () => new SideEffectLedger(table, clock, { instance: 'restarted-process', soleWriter: true });

    it('asks the provider first, and does not repeat an effect it finds', async () => {
      await claimThatNeverFinishes('Ev001');
      const post = countingEffect({ ts: 'new' });
      const asked: Date[] = [];

      const outcome = await restarted().once(KEY, 'Ev001', post, {
        find: async ({ claimedAt }) => {
          asked.push(claimedAt);
          return { ts: 'found' };
        },
      });

      expect(post.calls).toBe(0);
      expect(asked).toEqual([new Date(NOW)]);
      expect(outcome).toEqual({ result: { ts: 'found' }, performedBy: 'Ev001', alreadyDone: true });
      expect(await ledger.once(KEY, 'Ev002', post)).toMatchObject({ result: { ts: 'found' }, alreadyDone: true });
      expect(post.calls).toBe(0);
    });

    it('performs the effect when the provider has no trace of it', async () => {
      await claimThatNeverFinishes('Ev001');
      const post = countingEffect({ ts: 'new' });

      const outcome = await restarted().once(KEY, 'Ev001', post, { find: async () => undefined });

      expect(post.calls).toBe(1);
      expect(outcome).toEqual({ result: { ts: 'new' }, performedBy: 'Ev001', alreadyDone: false });
    });

    it('tells the look-up when the dead attempt claimed the effect', async () => {
      await claimThatNeverFinishes('Ev001');
      clock.advance(45_000);
      let claimedAt: Date | undefined;

      await new SideEffectLedger(table, clock, { instance: 'other-process' }).once(KEY, 'Ev002', countingEffect('posted'), {
        find: async (claim) => {
          claimedAt = claim.claimedAt;
          return undefined;
        },
      });

      expect(claimedAt).toEqual(new Date(NOW));
    });

    it('does not look anything up for a fresh claim', async () => {
      let asked = 0;
      await ledger.once(KEY, 'Ev001', countingEffect('posted'), {
        find: async () => {
          asked += 1;
          return 'found';
        },
      });
      expect(asked).toBe(0);
    });

    it('keeps the claim when the look-up fails, so that a retry looks again before acting', async () => {
      await claimThatNeverFinishes('Ev001');
      const post = countingEffect('posted');
      const failing = restarted().once(KEY, 'Ev001', post, {
        find: async () => {
          throw new Error('provider unreachable');
        },
      });
      await expect(failing).rejects.toThrow('provider unreachable');

      let lookedAgainSince: Date | undefined;
      const retry = await restarted().once(KEY, 'Ev001', post, {
        find: async ({ claimedAt }) => {
          lookedAgainSince = claimedAt;
          return 'found';
        },
      });
      expect(post.calls).toBe(0);
      expect(retry).toMatchObject({ result: 'found', alreadyDone: true });
      expect(lookedAgainSince, 'the window still starts at the first claim').toEqual(new Date(NOW));
    });

    it('looks before repeating an effect whose call failed on our side (the provider may have taken it)', async () => {
      const timedOut = ledger.once(KEY, 'Ev001', async () => {
        throw new Error('timed out waiting for the answer');
      }, { find: async () => undefined });
      await expect(timedOut).rejects.toThrow('timed out');
      clock.advance(1_000);

      let asked = 0;
      const post = countingEffect('posted again');
      const retry = await ledger.once(KEY, 'Ev001', post, {
        find: async () => {
          asked += 1;
          return 'the first one';
        },
      });

      expect(asked).toBe(1);
      expect(post.calls).toBe(0);
      expect(retry).toMatchObject({ result: 'the first one', alreadyDone: true });
    });
  });

  describe('retention', () => {
    it('recognises a duplicate within the retention period', async () => {
      const post = countingEffect('posted');
      await ledger.once(KEY, 'Ev001', post, { retentionDays: 1 });

      clock.advance(DAY_MS - 1_000);
      const again = await ledger.once(KEY, 'Ev001', post, { retentionDays: 1 });

      expect(post.calls).toBe(1);
      expect(again.alreadyDone).toBe(true);
    });

    it('performs the effect again once the record has expired', async () => {
      const post = countingEffect('posted');
      await ledger.once(KEY, 'Ev001', post, { retentionDays: 1 });

      clock.advance(DAY_MS + 1_000);
      const again = await ledger.once(KEY, 'Ev002', post, { retentionDays: 1 });

      expect(post.calls).toBe(2);
      expect(again).toEqual({ result: 'posted', performedBy: 'Ev002', alreadyDone: false });
    });

    it('keeps records 30 days by default', async () => {
      const post = countingEffect('posted');
      await ledger.once(KEY, 'Ev001', post);

      clock.advance(30 * DAY_MS - 1_000);
      const within = await ledger.once(KEY, 'Ev001', post);
      clock.advance(2_000);
      const after = await ledger.once(KEY, 'Ev001', post);

      expect(within.alreadyDone).toBe(true);
      expect(after.alreadyDone).toBe(false);
    });
  });

  it('stores an undefined result as null', async () => {
    const first = await ledger.once(KEY, 'Ev001', async () => undefined);

    const again = await ledger.once(KEY, 'Ev002', async () => 'never');

    expect(first).toEqual({ result: undefined, performedBy: 'Ev001', alreadyDone: false });
    expect(again).toEqual({ result: null, performedBy: 'Ev001', alreadyDone: true });
  });
});
