import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadCommand, LoadReply } from './load-protocol';

const ROOT = new URL('../../', import.meta.url).pathname;

/** A free port on 127.0.0.1 (the benchmarks give Switchboard one, so that it never needs to print it first). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The resident set size of a process, in MiB (Linux). */
export function rssMiB(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Math.round(Number(match[1]) / 102.4) / 10;
  } catch {
    return undefined;
  }
}

export interface SwitchboardProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawning `npm start`'s program to the first 200 from /health. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Starts the built local runtime exactly as `npm start` does (`node infra/build/launch.mjs start`), with
 * its log lines going to `logFile`, and waits for /health.
 */
export async function startSwitchboard(input: { dataDir: string; env: Record<string, string>; logFile: string; nodeArgs?: string[] }): Promise<SwitchboardProcess> {
  const port = await freePort();
  const log = openSync(input.logFile, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [...(input.nodeArgs ?? []), join(ROOT, 'infra/build/launch.mjs'), 'start'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', SWITCHBOARD_DATA_DIR: input.dataDir, PORT: String(port), SWITCHBOARD_BUILD_QUIET: '1', ...(process.env['SWITCHBOARD_BUILD_MINIFY'] === undefined ? {} : { SWITCHBOARD_BUILD_MINIFY: process.env['SWITCHBOARD_BUILD_MINIFY'] }), ...input.env },
    stdio: ['ignore', log, log],
  });
  const url = `http://localhost:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`Switchboard exited before answering /health; see ${input.logFile}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    if (performance.now() - started > 30_000) throw new Error(`Switchboard did not answer /health within 30 s; see ${input.logFile}`);
    await sleep(5);
  }
  const startMs = Math.round(performance.now() - started);
  return {
    child,
    url,
    startMs,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

export interface LoadProcess {
  ask<T extends LoadReply['type']>(command: Extract<LoadCommand, { type: T }>): Promise<Extract<LoadReply, { type: T }>>;
  stop(): Promise<void>;
}

/** The load process (bench/support/load-process.ts): the fake Slack API and the load generator. */
export function startLoadProcess(): LoadProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/support/load-process.ts')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: ((reply: LoadReply) => void)[] = [];
  child.on('message', (reply: LoadReply) => waiting.shift()?.(reply));
  return {
    ask: (command) =>
      new Promise((resolve) => {
        waiting.push(resolve as (reply: LoadReply) => void);
        child.send(command);
      }),
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' } satisfies LoadCommand);
      await gone;
    },
  };
}

/** The bare Node.js HTTP server of the comparison, in a process of its own. */
export async function startBareServer(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/support/bare-server.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) resolve(match[1]);
    });
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
