import type { FailedDelivery } from '../../shared/bus/failed-delivery';
import type { RunRecord } from '../../shared/runs/run';

export type RedriveOutcome = 'redriven' | 'gone';

/**
 * What an admin can make a Switchboard do besides reading it, locally (through the running runtime's
 * queue) or on a deployed stack (invoking the automation's function): replay a run, list the events that
 * failed for good, and deliver one of them again.
 */
export type { FailedDelivery };

export interface Operations {
  /** Runs the automation of `run` again on its stored trigger, as the new run `replayRunId`. */
  replay(run: RunRecord, replayRunId: string): Promise<void>;
  /** Events that failed for good, newest first. */
  failedDeliveries(limit: number): Promise<FailedDelivery[]>;
  /** Delivers a failed event to its automation again, once however often it is asked: the same run, tried again. */
  redrive(id: string): Promise<RedriveOutcome>;
}
