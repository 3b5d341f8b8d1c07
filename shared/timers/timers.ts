/**
 * A one-time timer an automation sets: when it comes due, `timer.fired` goes onto the bus, routed back to
 * `automation`. The automation re-reads the subject's state when it fires, so a timer that fires after
 * its subject changed does nothing.
 */
export interface Timer {
  /** Unique per purpose, e.g. `paging:INC-7K2M9Q:escalate:2`; scheduling the same id again changes nothing. */
  id: string;
  automation: string;
  kind: string;
  subject: string;
  dueAt: Date;
}

/**
 * The timers port: EventBridge Scheduler one-time schedules on AWS, timer items polled by the local
 * runtime. Both survive restarts.
 */
export interface Timers {
  schedule(timer: Timer): Promise<void>;
  /** Cancels a timer; one that already fired or never existed is not an error. */
  cancel(id: string): Promise<void>;
  /** Pending timers, soonest first. */
  list(limit?: number): Promise<Timer[]>;
}
