import type { Clock } from '../clock/clock';
import { all, equals, type Condition } from '../store/condition';
import { expiresInDays, type Table } from '../store/table';
import type { RunRecord, RunStatus } from './run';

const runKey = (runId: string) => ({ pk: `run#${runId}`, sk: 'run' });
/** All runs share one time-index partition, sorted by start: a team's volume is far below its limits. */
const RUNS_BY_TIME = 'runs';

type RunItem = RunRecord & { pk: string; sk: string };

export interface RunQuery {
  automation?: string;
  status?: RunStatus;
  limit?: number;
}

/**
 * The run history in the table. One run is one item, written once per attempt with a single UpdateItem
 * (the attempt counter and first start time survive retries), listed newest first through the time index.
 */
export class RunStore {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /** Saves an attempt of a run and returns the stored record. */
  async save(run: Omit<RunRecord, 'attempts'>, retentionDays: number): Promise<RunRecord> {
    const { startedAt, ...rest } = run;
    const item = await this.table.update<RunItem>(
      runKey(run.runId),
      {
        set: { ...rest, lastAttemptAt: startedAt, expiresAt: expiresInDays(this.clock.now(), retentionDays) },
        // A retry that succeeds must not keep the error of the attempt before it.
        ...(run.error === undefined ? { remove: ['error'] } : {}),
        setIfMissing: {
          startedAt,
          gsi1pk: RUNS_BY_TIME,
          gsi1sk: `${startedAt}#${run.runId}`,
        },
        add: { attempts: 1 },
      },
    );
    return toRecord(item);
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    const item = await this.table.get<RunItem>(runKey(runId), { consistent: true });
    return item === undefined ? undefined : toRecord(item);
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
