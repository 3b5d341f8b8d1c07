import type { Timer } from '../../shared/timers/timers';

export const DIGEST_TIMER_KIND = 'overnight-digest';

/**
 * The digest's timer for the period that ends at `opening`. Its id is the opening's instant, so every
 * message of the night schedules the same timer: one digest per opening, set however often.
 */
export function overnightDigestTimer(opening: Date): Timer {
  return { id: `after-hours:digest:${opening.toISOString()}`, automation: 'after-hours', kind: DIGEST_TIMER_KIND, subject: opening.toISOString(), dueAt: opening };
}
