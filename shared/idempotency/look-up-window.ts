import type { UnfinishedClaim } from './side-effect-ledger';

/**
 * How far our clock and a provider's may disagree. A look-up after a crash searches from this long before
 * the claim: wide enough for clocks that are only NTP-close, narrow enough that an earlier effect of
 * another key with the same content (a page repeated on the next pass of the chain) is minutes older.
 */
export const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Where a look-up for an effect starts: the dead attempt's claim, less the clock skew we tolerate.
 *
 * @example lookUpSince({ claimedAt: new Date('2026-11-23T04:00:00Z') }) // 2026-11-23T03:58:00Z
 */
export function lookUpSince(claim: UnfinishedClaim): Date {
  return new Date(claim.claimedAt.getTime() - CLOCK_SKEW_MS);
}
