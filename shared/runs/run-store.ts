import type { Clock } from '../clock/clock';
import { absent, all, any, equals, type Condition } from '../store/condition';
import { ConditionFailedError } from '../store/store-errors';
import { expiresInDays, type Table } from '../store/table';
import type { RunClosure, RunRecord, RunStatus } from './run';

const runKey = (runId: string) => ({ pk: `run#${runId}`, sk: 'run' });
/** All runs share one time-index partition, sorted by start: a team's volume is far below its limits. */
const RUNS_BY_TIME = 'runs';

type RunItem = RunRecord & { pk: string; sk: string };

export interface RunQuery {
  automation?: string;
  status?: RunStatus;
  limit?: number;
}

/** How long a closure is kept for a run that has not been saved yet (it normally is within seconds). */
const CLOSURE_WITHOUT_RUN_DAYS = 30;

/**
 * The run history in the table. One run is one item, written once per attempt with a single UpdateItem
 * (the attempt counter and first start time survive retries), listed newest first through the time index.
 *
 * A run that ends `waiting` (a page waits for an ACK, an application for its reply) is closed by the run
 * that resolves its subject, with one conditional update (`close`). Each automation knows its waiting run
 * from its own state (an incident names the event that paged last, an application is its submission's),
 * so no index costs a write per waiting run. A closure may even come first, while the waiting run is still
 * being recorded: the closure is kept, and the run is saved closed.
 */
export class RunStore {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /** Saves an attempt of a run and returns the stored record. */
  async save(run: Omit<RunRecord, 'attempts'>, retentionDays: number): Promise<RunRecord> {
    const { startedAt, closedBy: _ignored, ...rest } = run;
    const write = (status: RunStatus, condition?: Condition) =>
      this.table.update<RunItem>(
        runKey(run.runId),
        {
          set: { ...rest, status, lastAttemptAt: startedAt, expiresAt: expiresInDays(this.clock.now(), retentionDays) },
          // A retry that succeeds must not keep the error of the attempt before it.
          ...(run.error === undefined ? { remove: ['error'] } : {}),
          setIfMissing: {
            startedAt,
            gsi1pk: RUNS_BY_TIME,
            gsi1sk: `${startedAt}#${run.runId}`,
          },
          add: { attempts: 1 },
        },
        condition,
      );
    try {
      return toRecord(await write(run.status, absent('closedBy')));
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      // Closed already (its subject was resolved while this attempt ran): what it waited for is over.
      return toRecord(await write(run.status === 'waiting' ? 'succeeded' : run.status));
    }
  }

  /**
   * Closes a waiting run: its subject was resolved by run `closure.runId`. One conditional update; false
   * when the run is not waiting (it ended otherwise, or was closed already). A run not recorded yet gets
   * the closure now and is saved closed.
   */
  async close(runId: string, closure: RunClosure): Promise<boolean> {
    if (runId === closure.runId) return false;
    try {
      await this.table.update(
        runKey(runId),
        { set: { status: 'succeeded', closedBy: closure }, setIfMissing: { expiresAt: expiresInDays(this.clock.now(), CLOSURE_WITHOUT_RUN_DAYS) } },
        all(absent('closedBy'), any(equals('status', 'waiting'), absent('status'))),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    const item = await this.table.get<RunItem>(runKey(runId), { consistent: true });
    // A closure that came before its run was recorded is not a run yet.
    return item === undefined || item.automation === undefined ? undefined : toRecord(item);
  }

  /** Runs newest first, optionally of one automation or status. */
  async list(query: RunQuery = {}): Promise<RunRecord[]> {
    const limit = query.limit ?? 20;
    const clauses: Condition[] = [];
    if (query.automation !== undefined) clauses.push(equals('automation', query.automation));
    if (query.status !== undefined) clauses.push(equals('status', query.status));
    const filter = clauses.length === 0 ? undefined : all(...clauses);
    const items = await this.table.query<RunItem>({
      partition: RUNS_BY_TIME,
      byTime: true,
      descending: true,
      limit,
      ...(filter === undefined ? {} : { filter }),
    });
    return items.map(toRecord);
  }
}

function toRecord(item: RunItem): RunRecord {
  const { pk: _pk, sk: _sk, ...record } = item as RunItem & Record<string, unknown>;
  delete record['gsi1pk'];
  delete record['gsi1sk'];
  delete record['expiresAt'];
  delete record['lastAttemptAt'];
  return record as unknown as RunRecord;
}
