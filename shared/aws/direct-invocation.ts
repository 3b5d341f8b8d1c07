import type { RunOptions } from '../runs/run';

/**
 * An automation's function invoked directly by an admin (`runs replay`, `deliveries redrive`) rather than
 * by an EventBridge rule: the EventBridge-shaped event it would have received, plus how to run it.
 */
export interface DirectInvocation {
  'detail-type': string;
  detail: unknown;
  source: 'switchboard';
  /** Present for a replay: the new run's id and the run it replays. */
  switchboard?: RunOptions;
}

/** The run options a Lambda payload carries, if it is a direct invocation with any. */
export function runOptionsOf(payload: unknown): RunOptions {
  const options = (payload as { switchboard?: unknown }).switchboard;
  if (typeof options !== 'object' || options === null) return {};
  const { runId, replayOf } = options as Record<string, unknown>;
  return { ...(typeof runId === 'string' ? { runId } : {}), ...(typeof replayOf === 'string' ? { replayOf } : {}) };
}
