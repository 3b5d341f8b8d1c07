import type { Clock } from '../clock/clock';
import type { DomainEvent } from '../events/catalogue';
import { runIdFor, type EffectRecord, type RunOptions, type RunRecord, type RunStatus, type Step, type StepOutcome } from './run';

/** What a step's body may report about itself. */
export interface StepReport {
  outcome?: Extract<StepOutcome, 'done' | 'skipped' | 'waiting' | 'filtered'>;
  detail?: string;
}

/**
 * Records one run as it happens: filters, steps, their outcome, detail and duration.
 *
 * @example
 * if (!run.check('designated customer channel', reasonItIsNot)) return;
 * await run.step('post after-hours notice', async () => ({ detail: `posted ${ts}` }));
 */
export class RunRecorder {
  readonly runId: string;
  private readonly steps: Step[] = [];
  private readonly effects: EffectRecord[] = [];
  private readonly startedAt: Date;
  private failure: RunRecord['error'];

  constructor(
    readonly automation: string,
    readonly event: DomainEvent,
    private readonly clock: Clock,
    private readonly options: RunOptions = {},
  ) {
    this.runId = options.runId ?? runIdFor(automation, event.detail.eventId);
    this.startedAt = clock.now();
  }

  /**
   * A filter. `stopReason` undefined means it passed; otherwise the run is filtered and the reason is kept.
   * Returns whether the run may continue.
   */
  check(name: string, stopReason: string | undefined, passDetail?: string): boolean {
    const now = this.clock.now();
    const detail = stopReason ?? passDetail;
    this.steps.push({
      name,
      outcome: stopReason === undefined ? 'passed' : 'filtered',
      ...(detail === undefined ? {} : { detail }),
      startedAt: now.toISOString(),
      durationMs: 0,
    });
    return stopReason === undefined;
  }

  /** Runs an action as a step; a thrown error marks the step failed and propagates. */
  async step<T extends StepReport | void>(name: string, action: () => Promise<T>): Promise<T> {
    const started = this.clock.now();
    try {
      const report = await action();
      this.steps.push({
        name,
        outcome: report?.outcome ?? 'done',
        ...(report?.detail === undefined ? {} : { detail: report.detail }),
        startedAt: started.toISOString(),
        durationMs: this.clock.now().getTime() - started.getTime(),
      });
      return report;
    } catch (error) {
      this.steps.push({
        name,
        outcome: 'failed',
        detail: describeError(error),
        startedAt: started.toISOString(),
        durationMs: this.clock.now().getTime() - started.getTime(),
      });
      throw error;
    }
  }

  /** Notes a side effect the run asked for by its key, and how it went; kept on the run record (no write of its own). */
  effect(key: string, outcome: EffectRecord['outcome']): void {
    this.effects.push({ key, outcome });
  }

  /** Marks the run failed (the error is kept, without its stack). */
  fail(error: unknown, transient: boolean): void {
    this.failure = { name: error instanceof Error ? error.name : 'Error', message: describeError(error), transient };
  }

  /** The record as it stands; `attempts` is counted by the store. */
  finish(): Omit<RunRecord, 'attempts'> {
    const finished = this.clock.now();
    return {
      runId: this.runId,
      automation: this.automation,
      trigger: {
        detailType: this.event.detailType,
        eventId: this.event.detail.eventId,
        receivedAt: this.event.detail.receivedAt,
      },
      event: this.event,
      status: this.status(),
      steps: [...this.steps],
      ...(this.effects.length === 0 ? {} : { effects: [...this.effects] }),
      startedAt: this.startedAt.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - this.startedAt.getTime(),
      ...(this.failure === undefined ? {} : { error: this.failure }),
      ...(this.options.replayOf === undefined ? {} : { replayOf: this.options.replayOf }),
    };
  }

  private status(): RunStatus {
    if (this.failure !== undefined || this.steps.some((s) => s.outcome === 'failed')) return 'failed';
    if (this.steps.some((s) => s.outcome === 'filtered')) return 'filtered';
    if (this.steps.some((s) => s.outcome === 'waiting')) return 'waiting';
    return 'succeeded';
  }
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}
