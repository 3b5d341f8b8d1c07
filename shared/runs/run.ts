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
  /** A replay's original run: a replay is a run of its own, linked to the one it replays. */
  replayOf?: string;
  /** How many replays of this run were requested, and the latest one's id. */
  replays?: number;
  lastReplay?: string;
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

/** The id of the `n`th replay of a run: `after-hours:Ev08ABC#replay-2`. */
export function replayRunId(original: string, n: number): string {
  return `${original.replace(/#replay-\d+$/, '')}#replay-${n}`;
}
