import type { Automation } from '../../shared/automation/automation';
import type { Clock } from '../../shared/clock/clock';
import { nextDailyTimer } from '../../shared/timers/daily-timer';
import type { Timer, Timers } from '../../shared/timers/timers';

/**
 * The automations' daily schedules on the local runtime (EventBridge Scheduler's recurring schedules on
 * AWS): the next firing of each is a timer item, armed at start-up and armed again each time one fires.
 * Ids are per day, so arming twice (a restart, two pollers) sets one timer.
 */
export class DailyTimers {
  constructor(
    private readonly automations: readonly Automation[],
    private readonly timers: Timers,
    private readonly clock: Clock,
  ) {}

  /** Arms the next firing of every daily schedule. */
  async arm(): Promise<number> {
    const now = this.clock.now();
    let armed = 0;
    for (const automation of this.automations) {
      for (const schedule of automation.dailySchedules ?? []) {
        await this.timers.schedule(nextDailyTimer(automation.name, schedule, now));
        armed += 1;
      }
    }
    return armed;
  }

  /** After a timer fired: when it is a daily one, the next day's is armed (after now, should it have fired late). */
  async rearm(fired: Timer): Promise<void> {
    const automation = this.automations.find((candidate) => candidate.name === fired.automation);
    const schedule = automation?.dailySchedules?.find((candidate) => candidate.kind === fired.kind);
    if (automation === undefined || schedule === undefined) return;
    const after = new Date(Math.max(fired.dueAt.getTime(), this.clock.now().getTime()));
    await this.timers.schedule(nextDailyTimer(automation.name, schedule, after));
  }
}
