import { itemAbsent, itemExists } from '../store/condition';
import { ConditionFailedError } from '../store/store-errors';
import type { Table } from '../store/table';
import type { Timer, Timers } from './timers';

const PARTITION = 'timers';
const key = (id: string) => ({ pk: `timer#${id}`, sk: 'timer' });

interface TimerItem {
  pk: string;
  sk: string;
  id: string;
  automation: string;
  kind: string;
  subject: string;
  dueAt: string;
}

/** Timers this process scheduled and has not seen fire or cancelled yet, remembered to spare their writes. */
const REMEMBERED = 1_000;

/**
 * Timers as items of the table, for the local runtime: its poller fires the due ones. Being items, they
 * survive a restart. Scheduling is idempotent; a timer this process scheduled already (every message of a
 * night sets the same digest timer) costs no second write.
 */
export class TableTimers implements Timers {
  /** Timer ids this process scheduled, with their due time. */
  private readonly scheduled = new Map<string, string>();

  constructor(private readonly table: Table) {}

  async schedule(timer: Timer): Promise<void> {
    const dueAt = timer.dueAt.toISOString();
    if (this.scheduled.get(timer.id) === dueAt) return;
    try {
      await this.table.put(
        { ...key(timer.id), gsi1pk: PARTITION, gsi1sk: `${dueAt}#${timer.id}`, id: timer.id, automation: timer.automation, kind: timer.kind, subject: timer.subject, dueAt },
        itemAbsent,
      );
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error; // already scheduled: nothing to change
    }
    this.remember(timer.id, dueAt);
  }

  async cancel(id: string): Promise<void> {
    this.forget(id);
    await this.table.delete(key(id));
  }

  async list(limit = 100): Promise<Timer[]> {
    return (await this.table.query<TimerItem>({ partition: PARTITION, byTime: true, limit })).map(toTimer);
  }

  /** Timers due at `now`, soonest first. */
  async due(now: Date, limit = 100): Promise<Timer[]> {
    // Sort keys are `{dueAt}#{id}`; everything sorting before `{now}~` is due.
    const items = await this.table.query<TimerItem>({ partition: PARTITION, byTime: true, before: `${now.toISOString()}~`, limit });
    return items.map(toTimer);
  }

  /** Removes a fired timer; false when another poller removed it first. */
  async remove(id: string): Promise<boolean> {
    this.forget(id);
    try {
      await this.table.delete(key(id), itemExists);
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  private remember(id: string, dueAt: string): void {
    if (this.scheduled.size >= REMEMBERED) this.scheduled.delete(this.scheduled.keys().next().value as string);
    this.scheduled.set(id, dueAt);
  }

  /** A fired or cancelled timer may be scheduled again under its id. */
  private forget(id: string): void {
    this.scheduled.delete(id);
  }
}

function toTimer(item: TimerItem): Timer {
  return { id: item.id, automation: item.automation, kind: item.kind, subject: item.subject, dueAt: new Date(item.dueAt) };
}
