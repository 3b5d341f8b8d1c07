import type { RunRecord } from '../../shared/runs/run';
import { RunRecorder } from '../../shared/runs/run-recorder';
import type { ReplayReservation } from '../../shared/runs/run-store';
import { OperationError } from './operation-error';
import type { Target } from './target';

/** How long runs are kept when no configuration says (the schema's default). */
const DEFAULT_RETENTION_DAYS = 30;

/**
 * Replays a run on the target: reserves the replay's id on the original run, then hands the replay to the
 * runtime's queue or the stack's function. Should the hand-over fail (the queue cannot be written, Lambda
 * refuses the invocation), the replay is recorded as a failed run saying so, and the error is thrown: the
 * reserved id never stands for a replay that seems queued but will never run, and the event's latest
 * attempt is a failed one, which the next replay takes up.
 */
export async function replayRun(target: Target, run: RunRecord, options: { onlyIfLatest?: boolean } = {}): Promise<ReplayReservation> {
  const reservation = await target.runs.reserveReplay(run.runId, options);
  if (reservation.outcome !== 'reserved') return reservation;
  const replay = new RunRecorder(run.automation, run.event, target.clock, { runId: reservation.runId, replayOf: run.runId });
  try {
    await replay.step(`hand the replay to ${target.description}`, () => target.operations.replay(run, reservation.runId));
  } catch (error) {
    replay.fail(error, false);
    const retentionDays = (await target.configs.find().catch(() => undefined))?.config.runs.retentionDays ?? DEFAULT_RETENTION_DAYS;
    try {
      await target.runs.save(replay.finish(), retentionDays);
    } catch (saveError) {
      const message = error instanceof Error ? error.message : String(error);
      throw new OperationError(`${message}; the replay ${reservation.runId} could not be recorded as failed either (${saveError instanceof Error ? saveError.message : String(saveError)})`, { cause: error });
    }
    throw error;
  }
  return reservation;
}
