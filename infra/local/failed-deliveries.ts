import type { Clock } from '../../shared/clock/clock';
import type { DomainEvent } from '../../shared/events/catalogue';
import { RetryableRunError } from '../../shared/automation/run-automation';
import { runIdFor, type RunOptions } from '../../shared/runs/run';
import { decidingStep } from '../../shared/runs/run-summary';
import { all, equals, itemExists } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';
import type { FailedDelivery } from '../../shared/bus/failed-delivery';

const PARTITION = 'bus-failed';
const RETENTION_DAYS = 30;
const failureKey = (id: string) => ({ pk: `bus-failed#${id}`, sk: 'failure' });

/**
 * The local bus's failed deliveries — runs it gave up on after their retries, the local equivalent of an
 * SQS dead-letter queue — newest first, kept 30 days. A failure's id is the id of the run that failed
 * (`automation:eventId`, or a replay's `…#replay-N`), so a failed replay is listed apart from its original.
 */
export class FailedDeliveries {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /** Records that the run `options` names (by default the event's own) failed for good after `attempts`. */
  async record(automation: string, event: DomainEvent, error: unknown, attempts: number, options: RunOptions = {}): Promise<FailedDelivery> {
    const now = this.clock.now();
    const runId = options.runId ?? runIdFor(automation, event.detail.eventId);
    const failure: FailedDelivery = {
      id: runId,
      automation,
      runId,
      ...(options.replayOf === undefined ? {} : { replayOf: options.replayOf }),
      event,
      error: whatFailed(error),
      attempts,
      failedAt: now.toISOString(),
    };
    await this.table.put({
      ...failureKey(failure.id),
      gsi1pk: PARTITION,
      gsi1sk: `${failure.failedAt}#${failure.id}`,
      expiresAt: expiresInDays(now, RETENTION_DAYS),
      failedAt: failure.failedAt,
      failure,
    });
    return failure;
  }

  async list(limit = 50): Promise<FailedDelivery[]> {
    const items = await this.table.query({ partition: PARTITION, byTime: true, descending: true, limit });
    return items.map((item) => withRunId(item['failure'] as FailedDelivery));
  }

  async get(id: string): Promise<FailedDelivery | undefined> {
    const failure = (await this.table.get<{ failure: FailedDelivery }>(failureKey(id), { consistent: true }))?.failure;
    return failure === undefined ? undefined : withRunId(failure);
  }

  /**
   * Takes a failure off the list; false when it is not there (taken by another redrive). With `failedAt`,
   * only that failure: should the run have failed again since (and been recorded anew), the new one stays.
   */
  async take(id: string, failedAt?: string): Promise<boolean> {
    try {
      await this.table.delete(failureKey(id), failedAt === undefined ? itemExists : all(itemExists, equals('failedAt', failedAt)));
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }
}

/**
 * What happened, said for the list: the step that failed and the error of the run's last attempt (not
 * the "will be retried" of the attempt's own error: its retries ran out).
 */
function whatFailed(error: unknown): string {
  if (error instanceof RetryableRunError) {
    const step = decidingStep(error.run);
    const failedStep = step?.outcome === 'failed' ? `${step.name} failed: ` : '';
    return `${failedStep}${error.run.error?.message ?? 'unknown error'}; its retries ran out`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Failures recorded before they named their run were keyed by it. */
function withRunId(failure: FailedDelivery): FailedDelivery {
  return failure.runId === undefined ? { ...failure, runId: failure.id } : failure;
}
