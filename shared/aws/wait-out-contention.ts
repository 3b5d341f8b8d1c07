import { ContendedRunError } from '../automation/run-automation';
import type { Logger } from '../log/logger';
import type { RunRecord } from '../runs/run';

/** The waits between attempts, in ms: the other attempt normally finishes within a second (7.75 s in all). */
export const CONTENTION_WAITS_MS: readonly number[] = [250, 500, 1_000, 2_000, 4_000];

/**
 * What no wait may eat into: the time the last attempt itself may take (provider calls, a Retry-After
 * waited out) before the function's timeout (30 s), with room for Lambda to take its answer.
 */
export const RESERVED_MS = 15_000;

export interface ContentionPatience {
  /** The invocation's time left: the Lambda context's `getRemainingTimeInMillis`. */
  remainingMs: () => number;
  /** Waits `ms` (a timer on AWS; a gate in tests). */
  sleep: (ms: number) => Promise<void>;
  log: Logger;
}

/**
 * Runs `attempt`; when it ends in contention (another attempt holds its work: a double click, a duplicate
 * delivery), waits and runs it again, with backoff, while the invocation has time to spare. Only when the
 * waits are spent (the other attempt died holding a claim, whose lease has yet to run out) is the run
 * handed back to Lambda's asynchronous retry, which counts in the function's Errors metric and logs the
 * invocation's error: an ordinary double click never does.
 *
 * @example
 * await waitOutContention(() => runAutomation(automation, event, platform), { remainingMs: () => context.getRemainingTimeInMillis(), sleep, log });
 */
export async function waitOutContention(attempt: () => Promise<RunRecord>, patience: ContentionPatience): Promise<RunRecord> {
  let waitedMs = 0;
  for (let wait = 0; ; wait += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ContendedRunError)) throw error;
      const waitMs = CONTENTION_WAITS_MS[wait];
      const details = { runId: error.run.runId, attempts: error.run.attempts, waitedMs };
      if (waitMs === undefined || patience.remainingMs() - waitMs < RESERVED_MS) {
        patience.log.warn('run still contended after waiting: handed back to Lambda, which retries it later', details);
        throw error;
      }
      patience.log.info('run contended: waiting for the other attempt, then trying again', { ...details, waitMs });
      await patience.sleep(waitMs);
      waitedMs += waitMs;
    }
  }
}
