import { spawn, type ChildProcess } from 'node:child_process';

/** `npm start` in a child process: the built runtime (`node infra/build/launch.mjs start`), on a data directory. */
export interface SwitchboardProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote so far. */
  output(): string;
  /** `kill -9`: no warning, nothing flushed, nothing finished. */
  killHard(): Promise<void>;
  /** SIGTERM: it finishes the runs under way and exits. */
  stop(): Promise<void>;
}

/**
 * Starts the built local runtime as `npm start` does, with `env` on top of the test's environment, and
 * resolves once its banner names its URL. The runtime is built by the test run's global setup, so this
 * never waits on a build.
 */
export async function startSwitchboardProcess(env: Record<string, string>): Promise<SwitchboardProcess> {
  const child = spawn(process.execPath, ['infra/build/launch.mjs', 'start'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'ERROR', DYNAMODB_ENDPOINT: '', SWITCHBOARD_BUILD_QUIET: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running locally at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    async killHard() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Waits until `condition` holds, checking whenever the event loop has turned (the fake servers of the
 * test answer in this process); fails with `what` after a generous overall limit, never on timing.
 */
export async function until(what: string, condition: () => boolean, limitMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
