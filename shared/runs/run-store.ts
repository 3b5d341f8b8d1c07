import type { Clock } from '../clock/clock';
import { absent, all, any, equals, exists, type Condition } from '../store/condition';
import { ConditionFailedError } from '../store/store-errors';
import { expiresInDays, type Table } from '../store/table';
import { latestAttemptOf, originalRunOf, replayNumberOf, replayRunId, type RunClosure, type RunRecord, type RunStatus } from './run';

const runKey = (runId: string) => ({ pk: `run#${runId}`, sk: 'run' });
/** All runs share one time-index partition, sorted by start: a team's volume is far below its limits. */
const RUNS_BY_TIME = 'runs';

type RunItem = RunRecord & { pk: string; sk: string };

export interface RunQuery {
  automation?: string;
  status?: RunStatus;
  /** Runs in any of these Slack channels (those whose trigger names a channel). */
  channels?: readonly string[];
  /** Runs started at or after this instant. */
  since?: Date;
  /** The `nextCursor` of the page before: runs older than its last. */
  cursor?: string;
  limit?: number;
}

/** One page of runs, newest first, and the cursor of the next (older) page when there may be one. */
export interface RunPage {
  runs: RunRecord[];
  nextCursor: string | undefined;
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
          set: { ...rest, ...channelField(run), status, lastAttemptAt: startedAt, expiresAt: expiresInDays(this.clock.now(), retentionDays) },
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

  /**
   * Reserves the next replay of a run and returns its id. Replays are numbered from the original run, whose
   * counter is one conditional update, so that two replays requested at once, or a replay of a replay, get
   * ids of their own (`…#replay-2`, `…#replay-3`). With `onlyIfLatest`, only while `runId` is still the
   * latest attempt at its event: of two replays of one failed attempt requested at once (a double click,
   * two bulk replays), one is made.
   */
  async reserveReplay(runId: string, options: { onlyIfLatest?: boolean } = {}): Promise<ReplayReservation> {
    const original = originalRunOf(runId);
    const position = replayNumberOf(runId);
    // An original that is a run (not only a closure kept for a run not saved yet).
    const isRun = exists('automation');
    const latest = position === 0 ? absent('replays') : equals('replays', position);
    try {
      const item = await this.table.update<RunItem>(
        runKey(original),
        { add: { replays: 1 }, set: { lastReplayAt: this.clock.now().toISOString() } },
        options.onlyIfLatest ? all(isRun, latest) : isRun,
      );
      const replays = item.replays ?? 1;
      const id = replayRunId(original, replays);
      try {
        // Unless a later replay was reserved in between: it names itself.
        await this.table.update(runKey(original), { set: { lastReplay: id } }, equals('replays', replays));
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
      return { outcome: 'reserved', runId: id };
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      const now = await this.get(original);
      if (now === undefined) return { outcome: 'no-original', original };
      return { outcome: 'superseded', latest: latestAttemptOf(now) };
    }
  }

  /**
   * A replay ended without failing: marks the attempts at its event before it (its original run and the
   * replays numbered before it) recovered by it, where they failed and no other replay recovered them yet.
   * One conditional update per earlier attempt; their status stays what it was. Returns the runs marked.
   */
  async markRecovered(replay: string): Promise<string[]> {
    const original = originalRunOf(replay);
    const marked: string[] = [];
    for (let n = 0; n < replayNumberOf(replay); n += 1) {
      const attempt = n === 0 ? original : replayRunId(original, n);
      try {
        await this.table.update(runKey(attempt), { set: { recoveredBy: replay } }, all(equals('status', 'failed'), absent('recoveredBy')));
        marked.push(attempt);
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    }
    return marked;
  }

  async get(runId: string): Promise<RunRecord | undefined> {
    const item = await this.table.get<RunItem>(runKey(runId), { consistent: true });
    // A closure that came before its run was recorded is not a run yet.
    return item === undefined || item.automation === undefined ? undefined : toRecord(item);
  }

  /** Runs newest first, optionally of one automation, status or channel, since an instant. */
  async list(query: RunQuery = {}): Promise<RunRecord[]> {
    return (await this.page(query)).runs;
  }

  /** A page of runs newest first, with the cursor of the next page (`runs list --json --cursor`). */
  async page(query: RunQuery = {}): Promise<RunPage> {
    const limit = query.limit ?? 20;
    const clauses: Condition[] = [];
    if (query.automation !== undefined) clauses.push(equals('automation', query.automation));
    if (query.status !== undefined) clauses.push(equals('status', query.status));
    if (query.channels !== undefined) clauses.push(any(...query.channels.map((channel) => equals('channel', channel))));
    const filter = clauses.length === 0 ? undefined : all(...clauses);
    const items = await this.table.query<RunItem>({
      partition: RUNS_BY_TIME,
      byTime: true,
      descending: true,
      limit,
      // Sort keys are `{startedAt}#{runId}`: every run started at `since` or later sorts above `{since}`.
      ...(query.since === undefined ? {} : { after: query.since.toISOString() }),
      ...(query.cursor === undefined ? {} : { before: query.cursor }),
      ...(filter === undefined ? {} : { filter }),
    });
    const last = items.at(-1);
    return { runs: items.map(toRecord), nextCursor: items.length === limit && last !== undefined ? String((last as unknown as Record<string, unknown>)['gsi1sk']) : undefined };
  }

  /**
   * Runs that started after `cursor` (a `gsi1sk`, or an ISO instant), oldest first, a page at a time: what
   * `runs list --follow` prints next. `cursor` goes on from the last run read; `more` says another page waits.
   */
  async newerThan(cursor: string, query: Omit<RunQuery, 'cursor' | 'since'> = {}): Promise<{ runs: RunRecord[]; cursor: string; more: boolean }> {
    const limit = query.limit ?? 100;
    const items = await this.table.query<RunItem>({ partition: RUNS_BY_TIME, byTime: true, after: cursor, limit });
    const last = items.at(-1);
    const wanted = items.map(toRecord).filter((run) => (query.automation === undefined || run.automation === query.automation) && (query.status === undefined || run.status === query.status) && (query.channels === undefined || query.channels.includes(channelOf(run) ?? '')));
    return { runs: wanted, cursor: last === undefined ? cursor : String((last as unknown as Record<string, unknown>)['gsi1sk']), more: items.length === limit };
  }
}

/** How a replay was reserved: its run id; or why not (the original run is gone, or a later attempt exists). */
export type ReplayReservation =
  | { outcome: 'reserved'; runId: string }
  /** The original run is gone: it expired (runs.retentionDays), or never was. */
  | { outcome: 'no-original'; original: string }
  /** With `onlyIfLatest`: another replay was requested since; `latest` is its id. */
  | { outcome: 'superseded'; latest: string };

/** The Slack channel a run's trigger happened in, if it names one. */
export function channelOf(run: Pick<RunRecord, 'event'>): string | undefined {
  const channel = (run.event.detail as { channel?: unknown }).channel;
  return typeof channel === 'string' ? channel : undefined;
}

/** The channel kept as an attribute of its own, so that runs can be filtered by it. */
function channelField(run: Pick<RunRecord, 'event'>): { channel?: string } {
  const channel = channelOf(run);
  return channel === undefined ? {} : { channel };
}

function toRecord(item: RunItem): RunRecord {
  const { pk: _pk, sk: _sk, ...record } = item as RunItem & Record<string, unknown>;
  delete record['gsi1pk'];
  delete record['gsi1sk'];
  delete record['expiresAt'];
  delete record['lastAttemptAt'];
  delete record['channel'];
  return record as unknown as RunRecord;
}
