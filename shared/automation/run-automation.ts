import { EffectInProgressError, type OnceOptions } from '../idempotency/side-effect-ledger';
import { ConditionFailedError } from '../store/store-errors';
import type { DomainEvent } from '../events/catalogue';
import { runIdFor, type RunOptions, type RunRecord } from '../runs/run';
import { RunRecorder } from '../runs/run-recorder';
import { decidingStep } from '../runs/run-summary';
import type { Automation } from './automation';
import { isTransient } from './is-transient';
import type { Platform } from './platform';

const DEFAULT_RETENTION_DAYS = 30;

/** A run failed for a reason worth retrying; the bus should deliver the event again. */
export class RetryableRunError extends Error {
  override readonly name: string = 'RetryableRunError';
  constructor(
    readonly run: RunRecord,
    options: ErrorOptions,
  ) {
    super(`run ${run.runId} failed and will be retried: ${run.error?.message ?? 'unknown error'}`, options);
  }
}

/**
 * A run that met contention: another attempt holds one of its effects, or won a conditional write. The
 * other attempt normally finishes within a second, so it is worth trying again soon, in the same process.
 */
export class ContendedRunError extends RetryableRunError {
  override readonly name: string = 'ContendedRunError';
}

/**
 * Runs one automation for one event and records the run. The same function serves the Lambda handlers
 * and the local dispatcher.
 *
 * Resolves with the run when it ended (succeeded, filtered, waiting — or failed permanently, left for a
 * replay). Rejects with RetryableRunError when it failed transiently, so that the bus retries (a
 * ContendedRunError when another attempt holds its work); the side-effect ledger makes the retry skip what
 * already happened.
 */
export async function runAutomation(automation: Automation, event: DomainEvent, platform: Platform, options: RunOptions = {}): Promise<RunRecord> {
  const run = new RunRecorder(automation.name, event, platform.clock, options);
  const log = platform.log.child({ runId: run.runId, automation: automation.name });
  let retentionDays = DEFAULT_RETENTION_DAYS;
  let failure: unknown;
  try {
    const { config } = await platform.configs.current();
    retentionDays = config.runs.retentionDays;
    await automation.handle(event, {
      run,
      config,
      clock: platform.clock,
      once: async <T>(key: string, effect: () => Promise<T>, options?: OnceOptions<T>) => {
        // Each key is kept on the run, so that the run's page can show the effects it performed.
        try {
          const outcome = await platform.ledger.once(key, event.detail.eventId, effect, options);
          run.effect(key, outcome.alreadyDone ? 'skipped' : 'done');
          return outcome;
        } catch (error) {
          run.effect(key, 'failed');
          throw error;
        }
      },
      closeWaitingRun: async (triggerEventId, reason) => {
        const waiting = runIdFor(automation.name, triggerEventId);
        const closed = await platform.runs.close(waiting, { runId: run.runId, reason, at: platform.clock.now().toISOString() });
        if (closed) log.info('waiting run closed', { closedRunId: waiting });
        return closed;
      },
      publish: (...events) => platform.bus.publish(events),
      timers: platform.timers,
      slack: platform.slack,
      sms: platform.sms,
      unthread: platform.unthread,
      sheets: platform.sheets,
      github: platform.github,
      salesforce: platform.salesforce,
      table: platform.table,
      publicBaseUrl: platform.publicBaseUrl,
      log,
    });
  } catch (error) {
    failure = error;
    run.fail(error, isTransient(error));
  }
  const record = await platform.runs.save(run.finish(), retentionDays);
  if (options.replayOf !== undefined && record.status !== 'failed') await markRecovered(platform, record, log);
  // One line per run, its steps in it by name and outcome (their details may hold what logs must not);
  // a line per step only at DEBUG. A line is a synchronous write when the log goes to a file: at hundreds
  // of runs a second, a line per step cost the ack path more than the runs themselves.
  const steps = record.steps.map((step) => ({ step: step.name, outcome: step.outcome, durationMs: step.durationMs }));
  for (const step of steps) log.debug('step', step);
  const decidedBy = decidingStep(record)?.name;
  if (record.status === 'failed') {
    // ERROR is for what needs a person: a run that failed for good. Contention (another attempt holds an
    // effect, a race lost to another run) is ordinary traffic, and a transient failure will be retried.
    const details = { status: record.status, attempts: record.attempts, error: record.error, ...(decidedBy === undefined ? {} : { decidedBy }), steps };
    if (!record.error?.transient) log.error('run failed', details);
    else if (isContention(failure)) log.info('run deferred: another attempt holds its work; it will be retried', details);
    else log.warn('run failed; it will be retried', details);
    if (record.error?.transient) throw isContention(failure) ? new ContendedRunError(record, { cause: failure }) : new RetryableRunError(record, { cause: failure });
  } else {
    log.info('run finished', { status: record.status, attempts: record.attempts, durationMs: record.durationMs, ...(decidedBy === undefined ? {} : { decidedBy }), steps });
  }
  return record;
}

/**
 * A replay that ended without failing recovered the earlier attempts at its event that failed: they say
 * so (`recoveredBy`), and a bulk replay leaves them. The run itself is saved already; should the marks
 * fail, the run stands and the error is logged (a bulk replay still sees that the latest attempt did not fail).
 */
async function markRecovered(platform: Platform, replay: RunRecord, log: Platform['log']): Promise<void> {
  try {
    const marked = await platform.runs.markRecovered(replay.runId);
    if (marked.length > 0) log.info('earlier attempts recovered', { recovered: marked });
  } catch (error) {
    log.error('could not mark the earlier attempts recovered', { error: error as Error });
  }
}

/** Expected contention: an effect in progress in another attempt, or a conditional write lost to another run. */
function isContention(error: unknown): boolean {
  return error instanceof EffectInProgressError || error instanceof ConditionFailedError;
}
