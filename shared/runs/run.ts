import type { DomainEvent } from '../events/catalogue';

/** How a run ended (SPEC §4). `filtered` is a decision, not an error: a filter stopped it, and says why. */
export type RunStatus = 'succeeded' | 'filtered' | 'failed' | 'waiting';

/**
 * A step's outcome: a filter `passed` or `filtered`; an action was `done` now, `skipped` because an earlier
 * attempt already did it (idempotency), `failed`, or is `waiting` on a timer or a person.
 */
export type StepOutcome = 'passed' | 'filtered' | 'done' | 'skipped' | 'failed' | 'waiting';

/**
 * A side effect a run asked for, by its idempotency key (the ledger's): performed by this run (`done`),
 * found already performed by an earlier attempt or event (`skipped`), or `failed`.
 */
export interface EffectRecord {
  key: string;
  outcome: 'done' | 'skipped' | 'failed';
}

export interface Step {
  name: string;
  outcome: StepOutcome;
  detail?: string;
  startedAt: string;
  durationMs: number;
}

/**
 * Why a waiting run stopped waiting: the run that resolved its subject (an ACK, a closed conversation, a
 * removed label), what it did, and when.
 */
export interface RunClosure {
  runId: string;
  reason: string;
  at: string;
}

/** One execution of an automation for one event: what the runs history shows and what replay starts from. */
export interface RunRecord {
  runId: string;
  automation: string;
  trigger: { detailType: string; eventId: string; receivedAt: string };
  /** The trigger event itself, so that a failed run can be replayed. */
  event: DomainEvent;
  status: RunStatus;
  steps: Step[];
  /** The side effects the run asked for, in order, with their keys (absent on runs recorded before they were kept). */
  effects?: EffectRecord[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  attempts: number;
  error?: { name: string; message: string; transient: boolean };
  /** The run a replay replays (the original, or an earlier replay of it): a replay is a run of its own, linked to it. */
  replayOf?: string;
  /**
   * On an original run: how many replays of it, and of its replays, were requested (they are numbered from
   * it), the latest one's id, and when it was requested.
   */
  replays?: number;
  lastReplay?: string;
  lastReplayAt?: string;
  /**
   * A failed run (an original, or one of its replays) whose event a later replay of the same original then
   * handled without failing: that replay's id. The run's own status stays what it was.
   */
  recoveredBy?: string;
  /** A run that was `waiting` and is over: its subject was resolved by another run. */
  closedBy?: RunClosure;
}

/** How a run is started: as the bus delivers an event, or as a replay of an earlier run. */
export interface RunOptions {
  /** The run's id, when it is not the event's own (a replay). */
  runId?: string;
  replayOf?: string;
}

/** Runs are identified by automation and trigger event: a redelivered event is the same run, tried again. */
export function runIdFor(automation: string, eventId: string): string {
  return `${automation}:${eventId}`;
}

const REPLAY_SUFFIX = /#replay-(\d+)$/;

/**
 * The id of the `n`th replay of an original run: `after-hours:Ev08ABC#replay-2`. Replays of replays are
 * numbered from the original too, so that every attempt at one event has an id of its own.
 */
export function replayRunId(original: string, n: number): string {
  return `${originalRunOf(original)}#replay-${n}`;
}

/** The original run of a replay (`…#replay-2` → `…`); a run that is no replay is its own original. */
export function originalRunOf(runId: string): string {
  return runId.replace(REPLAY_SUFFIX, '');
}

/** Which replay of its original a run is: 0 for the original itself. */
export function replayNumberOf(runId: string): number {
  const match = REPLAY_SUFFIX.exec(runId);
  return match === null ? 0 : Number(match[1]);
}

/** The id of the latest attempt at an original run's event: its latest replay, or the run itself. */
export function latestAttemptOf(original: Pick<RunRecord, 'runId' | 'replays'>): string {
  return original.replays === undefined || original.replays === 0 ? original.runId : replayRunId(original.runId, original.replays);
}
