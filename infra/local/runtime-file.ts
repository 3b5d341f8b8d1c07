import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a running local runtime can be reached; written at start, removed at stop. The CLI reads it. */
export interface RuntimeFile {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  startedAt: string;
}

const fileIn = (dataDir: string) => join(dataDir, 'runtime.json');

export async function writeRuntimeFile(dataDir: string, runtime: RuntimeFile): Promise<void> {
  await writeFile(fileIn(dataDir), `${JSON.stringify(runtime, null, 2)}\n`);
}

export async function removeRuntimeFile(dataDir: string, pid: number): Promise<void> {
  const current = await readRuntimeFile(dataDir);
  if (current?.pid === pid) await rm(fileIn(dataDir), { force: true });
}

/** The running runtime, if its file exists and its process is alive. */
export async function readRuntimeFile(dataDir: string): Promise<RuntimeFile | undefined> {
  let runtime: RuntimeFile;
  try {
    runtime = JSON.parse(await readFile(fileIn(dataDir), 'utf8')) as RuntimeFile;
  } catch {
    return undefined;
  }
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined; // a stale file left by a runtime that was killed
  }
}
