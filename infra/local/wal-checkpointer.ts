import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection folds the write-ahead log back into the database file. */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * The checkpointer's code, run in a worker thread (plain CommonJS, so that it runs the same from the built
 * runtime and from the TypeScript sources under test): its own connection to the database, and a PASSIVE
 * checkpoint every `intervalMs`, which never blocks the runtime's writes.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const failed = (error) => parentPort.postMessage({ failed: String((error && error.message) || (error && error.code) || error) });
const open = () => {
  try {
    const db = new Database(workerData.file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    failed(error);
    return undefined;
  }
};
const db = open();
if (db === undefined) {
  parentPort.close();
} else {
  const checkpoint = () => {
    try {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ checkpointed: { logFrames: result.log, checkpointedFrames: result.checkpointed } });
    } catch (error) {
      failed(error);
    }
  };
  const timer = setInterval(checkpoint, workerData.intervalMs);
  parentPort.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  });
}
`;

export interface WalCheckpointer {
  /** Stops checkpointing in the background, after one last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Checkpoints an SQLite database in WAL mode from a worker thread. A checkpoint copies the log into the
 * database file and syncs it to disk: tens of milliseconds when the log is large. Done by SQLite's
 * automatic checkpoint, that pause falls on whichever commit crosses the threshold, on the thread that
 * acks webhooks; here it happens on another thread, while the runtime's connection keeps appending to the
 * log (PASSIVE waits for nobody). `onFailure` hears of a checkpoint that failed or a worker that ended, so
 * that the caller can turn SQLite's automatic checkpoints back on.
 *
 * @example
 * const checkpointer = startWalCheckpointer('.switchboard/switchboard.db', { onFailure: () => table.checkpointAutomatically() });
 */
export interface WalCheckpointerOptions {
  /** A checkpoint failed, or the worker ended before `stop`. */
  onFailure: (reason: string) => void;
  /** After each checkpoint: the frames in the log, and how many of them are now in the database file. */
  onCheckpoint?: (result: { logFrames: number; checkpointedFrames: number }) => void;
  intervalMs?: number;
}

export function startWalCheckpointer(file: string, options: WalCheckpointerOptions): WalCheckpointer {
  const { onFailure, onCheckpoint, intervalMs = CHECKPOINT_EVERY_MS } = options;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { failed?: string; checkpointed?: { logFrames: number; checkpointedFrames: number } }) => {
    if (message.failed !== undefined) onFailure(message.failed);
    if (message.checkpointed !== undefined) onCheckpoint?.(message.checkpointed);
  });
  // What a worker throws arrives as a copy (an SqliteError becomes a plain object with its message).
  worker.on('error', (error: unknown) => onFailure(typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error)));
  void exited.then(() => {
    if (!stopping) onFailure('the checkpoint worker ended');
  });
  // The runtime's process may end while it waits; the worker must not keep it alive.
  worker.unref();
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
