import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWalCheckpointer } from '../../../infra/local/wal-checkpointer';
import { SqliteTable } from '../../../shared/store/sqlite-table';
import { ManualClock } from '../../support/manual-clock';

describe('checkpointing the SQLite log from a worker thread', () => {
  let dir: string;
  let file: string;
  const clock = new ManualClock('2026-11-22T20:00:00-08:00');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-wal-'));
    file = join(dir, 'switchboard.db');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("the runtime's connection leaves checkpoints to the worker, which folds the whole log into the file while the writes go on", async () => {
    const table = SqliteTable.open(file, clock, { checkpoints: 'elsewhere' });
    for (let i = 0; i < 500; i += 1) await table.put({ pk: `item#${i}`, sk: 'item', payload: 'x'.repeat(2_000) });
    const logBefore = (await stat(`${file}-wal`)).size;
    expect(logBefore).toBeGreaterThan(1_000 * 4_096); // past SQLite's automatic threshold: nothing folded it

    let caughtUp: () => void = () => undefined;
    const folded = new Promise<void>((resolve) => {
      caughtUp = resolve;
    });
    const failures: string[] = [];
    const checkpointer = startWalCheckpointer(file, {
      intervalMs: 5,
      onFailure: (reason) => failures.push(reason),
      onCheckpoint: ({ logFrames, checkpointedFrames }) => {
        if (logFrames > 0 && checkpointedFrames === logFrames) caughtUp();
      },
    });
    await table.put({ pk: 'item#during', sk: 'item', payload: 'written while the worker checkpoints' });
    await folded;
    await checkpointer.stop();
    await table.close();

    expect(failures).toEqual([]);
    const reader = new Database(file, { readonly: true });
    expect((reader.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBe(501);
    reader.close();
  });

  it('reports a worker that cannot open the database, so that the caller checkpoints the usual way', async () => {
    const reasons: string[] = [];
    let reported: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => {
      reported = resolve;
    });
    const checkpointer = startWalCheckpointer(join(dir, 'missing.db'), {
      onFailure: (reason) => {
        reasons.push(reason);
        reported();
      },
    });
    await failed;
    await checkpointer.stop();

    expect(reasons[0]).toMatch(/unable to open database file|does not exist/);
  });
});
