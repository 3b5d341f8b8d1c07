import type { Timer, Timers } from './timers';

/** For an automation deployed without timer permissions (it declared `usesTimers: false`). */
export class UnavailableTimers implements Timers {
  async schedule(timer: Timer): Promise<void> {
    throw new Error(`cannot schedule ${timer.id}: this function has no timers (declare usesTimers in its automation)`);
  }

  async cancel(): Promise<void> {
    // Nothing can have been scheduled.
  }

  async list(): Promise<Timer[]> {
    return [];
  }
}
