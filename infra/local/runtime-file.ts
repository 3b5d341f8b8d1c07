import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreLocation } from './local-store';

/**
 * The running local runtime: written exclusively at start — it is the lock that keeps a second runtime
 * off the same data — and removed at stop. The CLI reads it to find the runtime and its store.
 */
export interface RuntimeFile {
  pid: number;
  url: string;
  store: StoreLocation;
  startedAt: string;
  /** Each provider's mode, chosen at start (live where credentials are set, else dry-run): what the console shows. */
  providers?: { provider: string; mode: 'live' | 'dry-run'; enableWith: string }[];
}

/** Another runtime holds the data directory. */
export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';
  constructor(readonly running: RuntimeFile) {
    super(`Switchboard is already running (pid ${running.pid}) at ${running.url}`);
  }
}

export const runtimeFileIn = (dataDir: string) => join(dataDir, 'runtime.json');

/**
 * Claims the data directory for this process: creates the runtime file, failing if a live runtime holds
 * it. A file left by a runtime that died is replaced.
 */
export async function claimRuntimeFile(dataDir: string, runtime: RuntimeFile): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(runtimeFileIn(dataDir), `${JSON.stringify(runtime, null, 2)}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const running = await readRuntimeFile(dataDir);
      if (running !== undefined) throw new AlreadyRunningError(running);
      await rm(runtimeFileIn(dataDir), { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not claim ${runtimeFileIn(dataDir)}: another process keeps creating it`);
}

/** Adds what the runtime learnt after claiming the data directory (its providers' modes) to its file. */
export async function updateRuntimeFile(dataDir: string, pid: number, update: Pick<RuntimeFile, 'providers'>): Promise<void> {
  const current = await readRuntimeFile(dataDir);
  if (current?.pid !== pid) return; // not ours (any more)
  const next = `${JSON.stringify({ ...current, ...update }, null, 2)}\n`;
  // Written beside and renamed, so that a reader never sees half a file.
  const staging = `${runtimeFileIn(dataDir)}.${pid}.tmp`;
  await writeFile(staging, next);
  await rename(staging, runtimeFileIn(dataDir));
}

export async function removeRuntimeFile(dataDir: string, pid: number): Promise<void> {
  const current = await readRuntimeFile(dataDir);
  if (current?.pid === pid) await rm(runtimeFileIn(dataDir), { force: true });
}

/** The running runtime, if its file exists and its process is alive. */
export async function readRuntimeFile(dataDir: string): Promise<RuntimeFile | undefined> {
  let runtime: RuntimeFile;
  try {
    runtime = JSON.parse(await readFile(runtimeFileIn(dataDir), 'utf8')) as RuntimeFile;
  } catch {
    return undefined;
  }
  if (typeof runtime.pid !== 'number') return undefined;
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch (error) {
    // EPERM: alive, but another user's. ESRCH: gone, a stale file left by a runtime that was killed.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? runtime : undefined;
  }
}
