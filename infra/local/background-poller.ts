import type { Clock } from '../../shared/clock/clock';
import type { Logger } from '../../shared/log/logger';
import { timerFiredEvent } from '../../shared/timers/timer-fired-event';
import type { TableTimers } from '../../shared/timers/table-timers';
import type { Timer } from '../../shared/timers/timers';
import type { LocalBus } from './local-bus';

/** Something the poller also does on each tick: refresh the configuration, sweep expired items. */
export type Chore = () => Promise<unknown>;

/**
 * The local runtime's heartbeat: every tick fires the timers that came due (EventBridge Scheduler's job on
 * AWS), retries the runs that waited out a provider's rate limit, picks up events other processes queued
 * on the local bus (the CLI's `incidents open`), and does its chores.
 */
export class BackgroundPoller {
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly timers: TableTimers,
    private readonly bus: LocalBus,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly chores: readonly Chore[] = [],
    /** Told of each timer it fired (the daily timers arm the next day's). */
    private readonly afterFired: (timer: Timer) => Promise<void> = async () => undefined,
  ) {}

  /** Ticks every `intervalMs`; ticks never overlap. */
  start(intervalMs: number): void {
    this.interval = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch((error: unknown) => this.log.error('background tick failed', { error: error as Error }));
    }, intervalMs);
  }

  /**
   * Fires due timers, puts back in line the runs whose rate-limit wait ended, then takes on queued events.
   * A timer is published before it is removed, so a crash in between fires it twice rather than never (the
   * bus drops the repeat, and automations ignore a timer whose subject moved on).
   */
  async tick(): Promise<{ timersFired: number; eventsPickedUp: number }> {
    for (const chore of this.chores) await chore();
    let timersFired = 0;
    for (const timer of await this.timers.due(this.clock.now())) {
      await this.bus.publish([timerFiredEvent(timer)]);
      if (await this.timers.remove(timer.id)) timersFired += 1;
      await this.afterFired(timer);
    }
    this.bus.retryDue();
    return { timersFired, eventsPickedUp: await this.bus.pickUpQueued() };
  }

  async stop(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }
}
