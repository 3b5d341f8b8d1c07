import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError } from '../../infra/local/http-server';
import { startLocalRuntime } from '../../infra/local/local-runtime';
import { AlreadyRunningError } from '../../infra/local/runtime-file';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';

describe('starting the local runtime', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function running(): Promise<LocalSwitchboard> {
    const switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-22T20:00:00-08:00') });
    cleanups.push(() => switchboard.dispose());
    return switchboard;
  }

  it('binds 127.0.0.1 unless HOST says otherwise', async () => {
    const local = await running();
    const everywhere = await startLocalSwitchboard({ clock: new ManualClock('2026-11-22T20:00:00-08:00'), env: { HOST: '0.0.0.0' } });
    cleanups.push(() => everywhere.dispose());

    expect(local.boundAddress).toBe('127.0.0.1');
    expect(local.url).toBe(`http://localhost:${local.port}`);
    expect(everywhere.boundAddress).toBe('0.0.0.0');
  });

  it('refuses a second runtime on the same data, naming the one that runs', async () => {
    const first = await running();

    const second = startLocalRuntime({ env: { PORT: '0', SWITCHBOARD_DATA_DIR: first.dataDir, LOG_LEVEL: 'SILENT' }, pollIntervalMs: 0 });

    await expect(second).rejects.toBeInstanceOf(AlreadyRunningError);
    await expect(second).rejects.toThrow(`Switchboard is already running (pid ${process.pid}) at ${first.url}`);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it('says a port is busy before it creates anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as AddressInfo).port;
    const parent = await mkdtemp(join(tmpdir(), 'switchboard-busy-port-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const dataDir = join(parent, '.switchboard');

    const start = startLocalRuntime({ env: { PORT: String(port), SWITCHBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT' }, pollIntervalMs: 0 });

    await expect(start).rejects.toBeInstanceOf(PortInUseError);
    await expect(start).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use by another program`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('npm start on data a runtime already holds prints who holds it and exits 1', { timeout: 60_000 }, async () => {
    const first = await running();

    const child = spawn(process.execPath, ['infra/build/launch.mjs', 'start'], {
      env: { ...process.env, PORT: '0', SWITCHBOARD_DATA_DIR: first.dataDir, SWITCHBOARD_BUILD_QUIET: '1', LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`Switchboard is already running (pid ${process.pid}) at ${first.url}`);
  });
});
