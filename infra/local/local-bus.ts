import { setTimeout as sleep } from 'node:timers/promises';
import type { Automation } from '../../shared/automation/automation';
import type { EventBus } from '../../shared/bus/event-bus';
import { matchesSubscription } from '../../shared/bus/subscription';
import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { validateEvent } from '../../shared/events/validate-event';
import type { Logger } from '../../shared/log/logger';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';

export interface LocalBusOptions {
  /** Delays before each retry of a failed delivery (the attempts are one more than the delays). */
  retryDelaysMs: readonly number[];
  /** Deliveries running at once; the rest wait in order (they are durable already). */
  concurrency: number;
}

/** A delivery the bus gave up on: the local equivalent of an SQS dead-letter queue. */
export interface FailedDelivery {
  automation: string;
  event: DomainEvent;
  error: string;
  attempts: number;
  failedAt: string;
}

const PENDING = 'bus-pending';

/**
 * Stores an event as pending on the local bus; false when it is pending already. The local runtime's bus
 * dispatches what it stores itself at once, and picks up what other processes (the CLI) stored within a
 * second.
 */
export async function queueEvent(table: Table, event: DomainEvent): Promise<boolean> {
  validateEvent(event.detailType, event.detail);
  try {
    await table.put(
      { ...pendingKey(event), gsi1pk: PENDING, gsi1sk: `${event.detail.receivedAt}#${event.detail.eventId}`, event },
      { expression: 'attribute_not_exists(pk)' },
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionFailedError) return false; // already pending: it will be dispatched once
    throw error;
  }
}
const FAILED = 'bus-failed';
const pendingKey = (event: DomainEvent) => ({ pk: `bus#${event.detailType}#${event.detail.eventId}`, sk: 'pending' });

/**
 * The in-process bus of the local runtime. `publish` first writes each event to the table (so an acked
 * webhook survives a crash), then dispatches it to every automation whose subscriptions match — the same
 * declarations the EventBridge rules are built from. A failing delivery is retried with backoff like an
 * EventBridge target; when the retries run out it joins the failed-deliveries list. On start, `recover`
 * dispatches whatever a previous process left pending.
 */
export class LocalBus implements EventBus {
  private readonly waiting: DomainEvent[] = [];
  private readonly dispatching = new Set<string>();
  private running = 0;
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly table: Table,
    private readonly automations: readonly Automation[],
    private readonly deliver: (automation: Automation, event: DomainEvent) => Promise<unknown>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: LocalBusOptions,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      if (await queueEvent(this.table, event)) this.enqueue(event);
    }
  }

  /**
   * Dispatches the pending events this process is not handling yet: those a previous process accepted but
   * did not finish, and those another process (the CLI) queued. Returns how many it took on.
   */
  async recover(): Promise<number> {
    const items = await this.table.query({ partition: PENDING, byTime: true });
    let recovered = 0;
    for (const item of items) {
      const stored = item['event'] as DomainEvent;
      try {
        if (this.enqueue(validateEvent(stored.detailType, stored.detail))) recovered += 1;
      } catch (error) {
        await this.recordFailure('(none)', stored, error, 0);
        await this.table.delete({ pk: item.pk, sk: item.sk });
      }
    }
    return recovered;
  }

  /** Resolves when nothing is waiting or being delivered (tests, and a graceful stop). */
  async drain(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Stops taking new work and waits for the deliveries under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    await this.drain();
  }

  async failedDeliveries(limit = 50): Promise<FailedDelivery[]> {
    const items = await this.table.query({ partition: FAILED, byTime: true, descending: true, limit });
    return items.map((item) => item['failure'] as FailedDelivery);
  }

  private enqueue(event: DomainEvent): boolean {
    if (this.stopped) return false;
    const key = pendingKey(event).pk;
    if (this.dispatching.has(key)) return false;
    this.dispatching.add(key);
    this.waiting.push(event);
    this.pump();
    return true;
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const event = this.waiting.shift() as DomainEvent;
      this.running += 1;
      void this.dispatch(event).finally(() => {
        this.running -= 1;
        this.dispatching.delete(pendingKey(event).pk);
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) {
          for (const resolve of this.idle.splice(0)) resolve();
        }
      });
    }
  }

  private async dispatch(event: DomainEvent): Promise<void> {
    const targets = this.automations.filter((automation) => automation.subscriptions.some((s) => matchesSubscription(s, event)));
    const finished = await Promise.all(targets.map((automation) => this.deliverWithRetries(automation, event)));
    // Left pending when a stop interrupted it, so the next start delivers it again.
    if (finished.every(Boolean)) {
      await this.table.delete(pendingKey(event)).catch((error: unknown) => {
        this.log.error('could not clear a delivered event; it will be delivered again after a restart', { eventId: event.detail.eventId, error: error as Error });
      });
    }
  }

  /** True when the delivery ended (succeeded, or given up and recorded as failed). */
  private async deliverWithRetries(automation: Automation, event: DomainEvent): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.deliver(automation, event);
        return true;
      } catch (error) {
        const delay = this.options.retryDelaysMs[attempt - 1];
        if (delay === undefined) {
          await this.recordFailure(automation.name, event, error, attempt);
          return true;
        }
        if (this.stopped) return false;
        this.log.warn('delivery failed; retrying', { automation: automation.name, eventId: event.detail.eventId, attempt, delayMs: delay });
        await sleep(delay);
      }
    }
  }

  private async recordFailure(automation: string, event: DomainEvent, error: unknown, attempts: number): Promise<void> {
    const now = this.clock.now();
    const failure: FailedDelivery = {
      automation,
      event,
      error: error instanceof Error ? error.message : String(error),
      attempts,
      failedAt: now.toISOString(),
    };
    this.log.error('delivery failed for good', { automation, eventId: event.detail.eventId, attempts });
    await this.table.put({
      pk: `bus-failed#${automation}#${event.detail.eventId}`,
      sk: event.detailType,
      gsi1pk: FAILED,
      gsi1sk: `${failure.failedAt}#${event.detail.eventId}`,
      expiresAt: expiresInDays(now, 30),
      failure,
    });
  }
}
