import type { Automation } from '../../shared/automation/automation';
import type { Delivery, DeliveryIntake, IntakeOutcome } from '../../shared/bus/delivery-intake';
import type { EventBus } from '../../shared/bus/event-bus';
import { matchesSubscription } from '../../shared/bus/subscription';
import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { validateEvent } from '../../shared/events/validate-event';
import type { Logger } from '../../shared/log/logger';
import { retryAfterSecondsOf } from '../../shared/providers/provider-error';
import type { RunOptions } from '../../shared/runs/run';
import { itemAbsent } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import type { Table } from '../../shared/store/table';
import { FailedDeliveries } from './failed-deliveries';
import { eventDelivery, handledExpiry, PENDING_PARTITION, QUEUED_PARTITION, queueItem, queueKey, type QueueItem } from './queue-item';

export interface LocalBusOptions {
  /** Delays before each retry of a failed delivery (the attempts are one more than the delays). */
  retryDelaysMs: readonly number[];
  /** Automation runs under way at once; the rest wait in order (they are durable already). */
  concurrency: number;
  /**
   * How long a delivery's runs may wait out providers' rate limits without using up their attempts
   * (default 2 hours: GitHub's primary limit resets within the hour, and a secondary limit asks for a
   * minute or so). Past it, a rate-limited retry is an attempt like any other.
   */
  rateLimitAllowanceMs?: number;
}

const DEFAULT_RATE_LIMIT_ALLOWANCE_MS = 2 * 60 * 60_000;
/** The shortest wait after a rate limit, even when the provider names none shorter. */
const MIN_RATE_LIMIT_WAIT_MS = 1_000;
const FIRST_ATTEMPT = { attempt: 1, rateLimitRetries: 0, rateLimitWaitedMs: 0 } as const;

/** One automation's run of one event of a queued delivery. */
interface Work {
  queued: QueueItem;
  automation: Automation;
  event: DomainEvent;
  options: RunOptions;
  /** Runs so far, counting this one. */
  attempt: number;
  /** Retries after a rate limit that did not use up an attempt, and what every rate-limit wait added up to. */
  rateLimitRetries: number;
  rateLimitWaitedMs: number;
}

/**
 * The in-process bus of the local runtime, and its intake. A delivery costs one store write before the
 * ack: a conditional insert keyed by the provider's delivery id, which is both the deduplication and the
 * durability. Its events then go to every automation whose subscriptions match — the same declarations
 * the EventBridge rules are built from — at most `concurrency` runs at once, so the ack never waits
 * behind automation work. A failing run is retried with backoff like an EventBridge target (without
 * holding a slot while it waits); when the retries run out it joins the failed deliveries. Once every run
 * of a delivery has ended, one more write marks it handled; the item stays to recognise a redelivery.
 *
 * A run that failed on a provider's rate limit (a ProviderError with `retryAfterSeconds`) is tried again
 * no sooner than the provider asked (nor sooner than its usual delay), by the runtime's clock: the poller's
 * tick after the wait puts it back in line (`retryDue`). Such a retry does not use up an attempt while the
 * delivery's rate-limit waits add up to no more than `rateLimitAllowanceMs`. The waits are kept in memory:
 * after a restart the delivery, still pending, is dispatched again at once.
 *
 * `recover` (at start) dispatches what a previous process accepted but did not finish, and what another
 * process (the CLI) queued; `pickUpQueued` (every second) only the latter. An event is dispatched once
 * per process however these reads and the ack path interleave.
 */
export class LocalBus implements EventBus, DeliveryIntake {
  readonly failures: FailedDeliveries;
  private readonly waiting: Work[] = [];
  private waitingHead = 0;
  /** Deliveries this process is handling: runs remaining per queue key. */
  private readonly inFlight = new Map<string, number>();
  /** Deliveries finished while a recovery read was under way, which that read may still show as pending. */
  private readonly finishedDuringRecovery = new Set<string>();
  private recovering = 0;
  private running = 0;
  private retriesScheduled = new Set<NodeJS.Timeout>();
  /** Runs waiting out a rate limit until `dueAt` (epoch ms on the runtime's clock). */
  private rateLimited: { work: Work; dueAt: number }[] = [];
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly table: Table,
    private readonly automations: readonly Automation[],
    private readonly deliver: (automation: Automation, event: DomainEvent, options: RunOptions) => Promise<unknown>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: LocalBusOptions,
  ) {
    this.failures = new FailedDeliveries(table, clock);
  }

  /** Ingest's intake: one conditional write, then the ack; the runs follow. */
  async accept(delivery: Delivery, events: readonly DomainEvent[]): Promise<IntakeOutcome> {
    const item = await this.store(delivery, events);
    if (item === undefined) return 'duplicate';
    this.dispatchSoon(item);
    return 'accepted';
  }

  /** Follow-up events of automations and fired timers: queued under their event id, so a repeat is dropped. */
  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      const item = await this.store(eventDelivery(event), [event]);
      if (item !== undefined) this.dispatchSoon(item);
    }
  }

  /**
   * Dispatches the pending deliveries this process is not handling yet: those a previous process accepted
   * but did not finish, and those another process (the CLI) queued. Returns how many it took on.
   */
  async recover(): Promise<number> {
    return (await this.takeOn(PENDING_PARTITION)) + (await this.takeOn(QUEUED_PARTITION));
  }

  /** Dispatches what another process (the CLI) queued since the last look. Returns how many it took on. */
  async pickUpQueued(): Promise<number> {
    return this.takeOn(QUEUED_PARTITION);
  }

  private async takeOn(partition: string): Promise<number> {
    this.recovering += 1;
    try {
      const items = await this.table.query<QueueItem>({ partition, byTime: true });
      let recovered = 0;
      for (const item of items) {
        if (this.stopped || this.inFlight.has(item.pk) || this.finishedDuringRecovery.has(item.pk)) continue;
        let events: DomainEvent[];
        try {
          events = item.events.map((event) => validateEvent(event.detailType, event.detail));
        } catch (error) {
          for (const event of item.events) await this.failures.record('(none)', event, error, 0);
          await this.markHandled(item);
          continue;
        }
        this.dispatch({ ...item, events });
        recovered += 1;
      }
      return recovered;
    } finally {
      this.recovering -= 1;
      if (this.recovering === 0) this.finishedDuringRecovery.clear();
    }
  }

  /**
   * Puts back in line the runs whose rate-limit wait has ended by the runtime's clock (the poller does
   * this every tick). Returns how many.
   */
  retryDue(): number {
    const now = this.clock.now().getTime();
    const due = this.rateLimited.filter((waiting) => waiting.dueAt <= now);
    if (due.length === 0) return 0;
    this.rateLimited = this.rateLimited.filter((waiting) => waiting.dueAt > now);
    this.waiting.push(...due.map((waiting) => waiting.work));
    this.pump();
    return due.length;
  }

  /** Resolves when nothing is waiting, running or due for a retry (tests, and a graceful stop). */
  async drain(): Promise<void> {
    if (this.isIdle()) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Stops taking new work and waits for the runs under way; what was not finished stays pending. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.length = 0;
    this.waitingHead = 0;
    for (const timer of this.retriesScheduled) clearTimeout(timer);
    this.retriesScheduled.clear();
    this.rateLimited = [];
    this.settleIfIdle();
    await this.drain();
  }

  /** Runs waiting for a slot, running, and waiting out a rate limit. */
  get backlog(): { waiting: number; running: number; rateLimited: number } {
    return { waiting: this.waiting.length - this.waitingHead, running: this.running, rateLimited: this.rateLimited.length };
  }

  private async store(delivery: Delivery, events: readonly DomainEvent[]): Promise<QueueItem | undefined> {
    const validated = events.map((event) => validateEvent(event.detailType, event.detail));
    const item = queueItem(delivery, validated, this.clock.now());
    try {
      await this.table.put(item, itemAbsent);
      return item;
    } catch (error) {
      if (error instanceof ConditionFailedError) return undefined; // seen before: accepted once already
      throw error;
    }
  }

  /** Starts the runs after the current turn, so that the ack is written before any automation work. */
  private dispatchSoon(item: QueueItem): void {
    this.inFlight.set(item.pk, 0);
    setImmediate(() => this.dispatch(item));
  }

  private dispatch(item: QueueItem): void {
    if (this.stopped) {
      this.inFlight.delete(item.pk);
      this.settleIfIdle();
      return;
    }
    const work: Work[] = [];
    const target = item.target;
    for (const event of item.events) {
      if (target !== undefined) {
        // A replay or redrive: that automation only, as the run it names.
        const automation = this.automations.find((candidate) => candidate.name === target.automation);
        const options: RunOptions = { ...(target.runId === undefined ? {} : { runId: target.runId }), ...(target.replayOf === undefined ? {} : { replayOf: target.replayOf }) };
        if (automation !== undefined) work.push({ queued: item, automation, event, options, ...FIRST_ATTEMPT });
        else {
          this.failures.record(target.automation, event, new Error(`no automation ${target.automation} in this runtime`), 0, options).catch((error: unknown) => {
            this.log.error('could not record a failed delivery', { automation: target.automation, eventId: event.detail.eventId, error: error as Error });
          });
        }
        continue;
      }
      for (const automation of this.automations) {
        if (automation.subscriptions.some((s) => matchesSubscription(s, event))) work.push({ queued: item, automation, event, options: {}, ...FIRST_ATTEMPT });
      }
    }
    this.inFlight.set(item.pk, work.length);
    if (work.length === 0) {
      void this.finish(item);
      return;
    }
    this.waiting.push(...work);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waitingHead < this.waiting.length) {
      const work = this.waiting[this.waitingHead] as Work;
      this.waitingHead += 1;
      this.running += 1;
      void this.run(work).finally(() => {
        this.running -= 1;
        this.pump();
        this.settleIfIdle();
      });
    }
    if (this.waitingHead === this.waiting.length) {
      this.waiting.length = 0;
      this.waitingHead = 0;
    }
  }

  private async run(work: Work): Promise<void> {
    try {
      await this.deliver(work.automation, work.event, work.options);
    } catch (error) {
      const retry = this.retryOf(work, error);
      if (retry !== undefined) {
        if (this.stopped) return; // stopping: left pending for the next start
        const details = { automation: work.automation.name, eventId: work.event.detail.eventId, attempt: work.attempt, delayMs: retry.delayMs };
        if (retry.rateLimit === undefined) {
          this.log.warn('delivery failed; retrying', details);
          this.retryLater(retry.work, retry.delayMs);
        } else {
          this.log.warn('delivery rate limited; retrying after the wait the provider asked for', { ...details, usesAnAttempt: retry.rateLimit.usesAnAttempt });
          this.rateLimited.push({ work: retry.work, dueAt: this.clock.now().getTime() + retry.delayMs });
        }
        return;
      }
      // Its retries ran out: this one needs a person (the failed deliveries list).
      this.log.error('delivery failed after its retries', { automation: work.automation.name, eventId: work.event.detail.eventId, attempts: work.attempt });
      await this.failures.record(work.automation.name, work.event, error, work.attempt, work.options).catch((recordError: unknown) => {
        this.log.error('could not record a failed delivery', { automation: work.automation.name, eventId: work.event.detail.eventId, error: recordError as Error });
      });
    }
    await this.workDone(work.queued);
  }

  /**
   * The next attempt after a failure, or undefined when the retries ran out. After a rate limit, no sooner
   * than the provider asked, and without using up an attempt while the waits stay within the allowance.
   */
  private retryOf(work: Work, error: unknown): { work: Work; delayMs: number; rateLimit?: { usesAnAttempt: boolean } } | undefined {
    const scheduled = this.options.retryDelaysMs[work.attempt - work.rateLimitRetries - 1];
    const retryAfterSeconds = retryAfterSecondsOf(error);
    if (retryAfterSeconds === undefined) return scheduled === undefined ? undefined : { work: { ...work, attempt: work.attempt + 1 }, delayMs: scheduled };
    const delayMs = Math.max(retryAfterSeconds * 1_000, scheduled ?? 0, MIN_RATE_LIMIT_WAIT_MS);
    const free = work.rateLimitWaitedMs + delayMs <= (this.options.rateLimitAllowanceMs ?? DEFAULT_RATE_LIMIT_ALLOWANCE_MS);
    if (!free && scheduled === undefined) return undefined;
    const next = { ...work, attempt: work.attempt + 1, rateLimitRetries: work.rateLimitRetries + (free ? 1 : 0), rateLimitWaitedMs: work.rateLimitWaitedMs + delayMs };
    return { work: next, delayMs, rateLimit: { usesAnAttempt: !free } };
  }

  private retryLater(work: Work, delayMs: number): void {
    const timer = setTimeout(() => {
      this.retriesScheduled.delete(timer);
      this.waiting.push(work);
      this.pump();
    }, delayMs);
    this.retriesScheduled.add(timer);
  }

  private async workDone(item: QueueItem): Promise<void> {
    const remaining = (this.inFlight.get(item.pk) ?? 1) - 1;
    if (remaining > 0) {
      this.inFlight.set(item.pk, remaining);
      return;
    }
    await this.finish(item);
  }

  private async finish(item: QueueItem): Promise<void> {
    await this.markHandled(item);
    this.inFlight.delete(item.pk);
    if (this.recovering > 0) this.finishedDuringRecovery.add(item.pk);
    this.settleIfIdle();
  }

  private async markHandled(item: QueueItem): Promise<void> {
    try {
      // Out of the pending index; the item stays until it expires, to recognise a redelivery.
      await this.table.update(queueKey(item.pk), { set: { status: 'handled', expiresAt: handledExpiry(this.clock.now()) }, remove: ['gsi1pk', 'gsi1sk'] });
    } catch (error) {
      this.log.error('could not mark a delivery handled; it will be dispatched again after a restart', { deliveryId: item.deliveryId, error: error as Error });
    }
  }

  private isIdle(): boolean {
    if (this.running > 0) return false;
    // Once stopped, what has not started stays pending in the store for the next start.
    return this.stopped || (this.waitingHead >= this.waiting.length && this.retriesScheduled.size === 0 && this.rateLimited.length === 0 && this.inFlight.size === 0);
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
