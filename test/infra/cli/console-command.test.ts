import { createServer, type Server } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../infra/cli/main';
import { startLocalSwitchboard, type LocalSwitchboard } from '../../support/local-switchboard';
import { ManualClock } from '../../support/manual-clock';

interface RunningCli {
  /** Resolves with the console's address once it is printed. */
  url: Promise<string>;
  stdout: () => string;
  stop(): Promise<{ code: number; stderr: string }>;
  exit: Promise<number>;
}

/** Runs `switchboard ARGS` in-process until stopped, as a terminal would until Ctrl-C. */
function runCli(args: string[], env: Record<string, string | undefined>): RunningCli {
  let stdout = '';
  let stderr = '';
  const stop = new AbortController();
  let printed: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    printed = resolve;
  });
  const exit = main(args, {
    stdout: (text) => {
      stdout += text;
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout);
      if (found !== null) printed(found[0]);
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    signal: stop.signal,
  });
  return {
    url,
    stdout: () => stdout,
    exit,
    async stop() {
      stop.abort();
      return { code: await exit, stderr };
    },
  };
}

describe('switchboard console', () => {
  let switchboard: LocalSwitchboard;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-22T20:00:00-08:00') });
    env = { SWITCHBOARD_DATA_DIR: switchboard.dataDir };
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  it('serves the console on 127.0.0.1 from its own process, prints the address with its token, and stops on Ctrl-C', async () => {
    const cli = runCli(['console', '--no-open'], env);
    const url = new URL(await cli.url);

    const entry = await fetch(url, { redirect: 'manual' });
    const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const runs = await fetch(new URL('/runs', url), { headers: { cookie } });
    const withoutToken = await fetch(new URL('/runs', url));
    const { code } = await cli.stop();

    expect(url.hostname).toBe('127.0.0.1');
    expect(url.port).not.toBe(String(switchboard.port));
    expect(cli.stdout()).toContain(`Switchboard console for local runtime at ${switchboard.url}:`);
    expect(entry.status).toBe(303);
    expect(runs.status).toBe(200);
    expect(await runs.text()).toContain('<h1>Runs</h1>');
    expect(withoutToken.status).toBe(401);
    expect(code).toBe(0);
    await expect(fetch(new URL('/runs', url))).rejects.toThrow();
  });

  it('opens the address in the browser unless told --no-open, and says so when no browser can be opened', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'switchboard-opener-'));
    const opened = join(bin, 'opened.txt');
    // The platform's opener (xdg-open here), as a script that writes down the address it was given.
    await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
    const withOpener = runCli(['console'], { ...env, PATH: `${bin}:/usr/bin:/bin` });
    const url = await withOpener.url;
    await vi.waitFor(() => expect(existsSync(opened)).toBe(true), { timeout: 30_000, interval: 50 });
    await withOpener.stop();
    const withoutOpener = runCli(['console'], { ...env, PATH: join(bin, 'empty') });
    await withoutOpener.url;
    await withoutOpener.stop();

    expect(await readFile(opened, 'utf8')).toBe(url);
    expect(withOpener.stdout()).not.toContain('no browser could be opened');
    expect(withoutOpener.stdout()).toContain('(no browser could be opened here: open the address above in one)');
  });

  it('prints its address as JSON with --json', async () => {
    const cli = runCli(['console', '--no-open', '--json'], env);
    await cli.url;
    await cli.stop();

    expect(JSON.parse(cli.stdout())).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/), target: `local runtime at ${switchboard.url}` });
  });

  it('never shares the webhook server’s port', async () => {
    const cli = runCli(['console', '--no-open', '--port', String(switchboard.port)], env);

    const code = await cli.exit;
    const { stderr } = await cli.stop();

    expect(code).toBe(1);
    expect(stderr).toContain(`port ${switchboard.port} is the webhook server's`);
  });

  it('says when the port asked for is taken', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const cli = runCli(['console', '--no-open', '--port', String(port)], env);
      const code = await cli.exit;
      const { stderr } = await cli.stop();

      expect(code).toBe(1);
      expect(stderr).toContain(`port ${port} is in use on 127.0.0.1: choose another with --port`);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('refuses a port that is not one', async () => {
    const cli = runCli(['console', '--port', '70000'], env);

    expect(await cli.exit).not.toBe(0);
    expect((await cli.stop()).stderr).toContain('"70000" is not a port (1 to 65535).');
  });
});
