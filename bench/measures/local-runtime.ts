import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { automations } from '../../functions/registry';
import type { ClosedLoopResult, OpenLoopResult, RepliesResult } from '../support/load-protocol';
import { rssMiB, startBareServer, startLoadProcess, startSwitchboard, type LoadProcess, type SwitchboardProcess } from '../support/processes';

const ROOT = new URL('../../', import.meta.url).pathname;
const SECRET = 'bench-signing-secret-0123456789abcdef';
/** Sunday evening, Pacific: every customer message is after hours, so each one is answered. */
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const CHANNEL = 'C0ACMEPROD';
const COMPANY_TEAM = 'T0EXAMPLE1';
/** Seconds of load at the phase's rate before its measurement. */
const WARM_UP_SECONDS = 4;
/** Every automation subscribed to a customer's message runs (and records a run) for it. */
const RUNS_PER_MESSAGE = automations.filter((automation) => automation.subscriptions.some((subscription) => subscription.detailType === 'slack.message.posted' && subscription.detail === undefined)).length;

export interface StartupResult {
  firstStartMs: number;
  restartMs: number[];
}

export interface LoadStep extends OpenLoopResult {
  rate: number;
  replies: RepliesResult;
  passed: boolean;
}

export interface LocalRuntimeResults {
  startup: StartupResult;
  rss: { idleMiB: number | undefined; loadedMiB: number | undefined };
  endToEnd: LoadStep;
  ingest: LoadStep;
  /** The highest message rate every message of which was answered once within 10 s, and the automation runs that is. */
  sustained: { steps: LoadStep[]; messagesPerSecond: number; runsPerMessage: number; runsPerSecond: number };
  bare: ClosedLoopResult;
  cli: Record<string, number>;
}

export interface LocalRuntimeOptions {
  stepSeconds: number;
  rates: readonly number[];
  log: (line: string) => void;
}

/**
 * The local runtime's benchmarks (SPEC §5), on the built runtime started as `npm start` starts it, with
 * Slack live against a fake Slack API in the load process: start-up to /health; end to end at 100 msg/s;
 * ingest acks at 500 req/s; the highest step rate at which every acked message is answered once within
 * 10 s (run history kept); a bare Node.js HTTP server on the same machine for the ratio; RSS; the CLI.
 */
export async function measureLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntimeResults> {
  const workDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  const load = startLoadProcess();
  let switchboard: SwitchboardProcess | undefined;
  try {
    const { url: slackUrl } = await load.ask({ type: 'fake-slack' });
    const env = {
      SWITCHBOARD_NOW: SUNDAY_EVENING,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slackUrl,
      LOG_LEVEL: 'INFO',
    };
    const dataDir = join(workDir, '.switchboard');
    const logFile = join(workDir, 'switchboard.log');

    options.log('start-up: first start, then restarts');
    const first = await startSwitchboard({ dataDir, env, logFile });
    await first.stop();
    const restarts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const restarted = await startSwitchboard({ dataDir, env, logFile });
      restarts.push(restarted.startMs);
      await restarted.stop();
    }

    // Each phase on a runtime of its own, so that one phase's backlog never weighs on the next.
    let phase = 0;
    const fresh = async () => {
      await switchboard?.stop();
      phase += 1;
      switchboard = await startSwitchboard({ dataDir: join(workDir, `phase-${phase}`, '.switchboard'), env, logFile });
      await sleep(500);
    };
    await fresh();
    const idleMiB = rssMiB(switchboard!.child.pid as number);
    let loadedMiB = idleMiB;
    const sampler = setInterval(() => {
      const rss = switchboard === undefined ? undefined : rssMiB(switchboard.child.pid as number);
      if (rss !== undefined && (loadedMiB === undefined || rss > loadedMiB)) loadedMiB = rss;
    }, 200);

    let next = 0;
    const step = async (rate: number, seconds: number, { quiet = false } = {}): Promise<LoadStep> => {
      const serverTime = Date.parse(((await (await fetch(`${switchboard?.url}/health`)).json()) as { time: string }).time);
      const firstIndex = next;
      const { result } = await load.ask({ type: 'open-loop', url: `${switchboard?.url}/webhooks/slack/events`, signingSecret: SECRET, serverTime, rate, durationMs: seconds * 1000, firstIndex, channel: CHANNEL, teamId: COMPANY_TEAM });
      next = firstIndex + result.sent;
      const { result: replies } = await load.ask({ type: 'await-replies', fromIndex: firstIndex, toIndex: next, timeoutMs: 12_000 });
      const passed = result.errors === 0 && replies.answered === result.acked && replies.duplicates === 0 && replies.laterThan10s === 0;
      if (!quiet) options.log(`  ${rate} msg/s: acked ${result.acked}/${result.sent}, answered ${replies.answered}, duplicates ${replies.duplicates}, ack p99 ${result.ack.p99} ms, end to end p99 ${replies.endToEnd.p99} ms${passed ? '' : '  (missed)'}`);
      return { ...result, rate, replies, passed };
    };

    // A new process runs its first seconds interpreted, before V8 has compiled the hot paths: each phase
    // starts with a warm-up at its rate (answered, not counted), as a long-running runtime would be.
    const warmUp = async (rate: number) => {
      options.log(`  warming up at ${rate} msg/s`);
      await step(rate, WARM_UP_SECONDS, { quiet: true });
    };
    options.log('end to end at 100 msg/s');
    await warmUp(100);
    const endToEnd = await step(100, 10);
    options.log('ingest acks at 500 req/s');
    await fresh();
    await warmUp(500);
    const ingest = await step(500, 10);
    options.log('sustained throughput, by steps');
    await fresh();
    await warmUp(options.rates[0] ?? 200);
    const steps: LoadStep[] = [];
    for (const rate of options.rates) {
      const result = await step(rate, options.stepSeconds);
      steps.push(result);
      if (!result.passed) break;
      await sleep(1_000);
    }
    clearInterval(sampler);
    const messagesPerSecond = Math.max(0, ...steps.filter((s) => s.passed).map((s) => s.rate));
    const sustained = { steps, messagesPerSecond, runsPerMessage: RUNS_PER_MESSAGE, runsPerSecond: messagesPerSecond * RUNS_PER_MESSAGE };

    options.log('the CLI against the running Switchboard');
    const cli = measureCli(join(workDir, `phase-${phase}`, '.switchboard'));
    await switchboard?.stop();
    switchboard = undefined;

    options.log('a bare Node.js HTTP server, for comparison');
    const bareServer = await startBareServer();
    const { result: bare } = await load.ask({ type: 'closed-loop', url: `${bareServer.url}/`, connections: 32, durationMs: 5_000 });
    await bareServer.stop();

    return { startup: { firstStartMs: first.startMs, restartMs: restarts }, rss: { idleMiB, loadedMiB }, endToEnd, ingest, sustained, bare, cli };
  } finally {
    await switchboard?.stop();
    await load.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The median wall time of each CLI command over five runs, as a person runs it (node, the built CLI). */
function measureCli(dataDir: string): Record<string, number> {
  const commands: Record<string, string[]> = {
    '--help': ['--help'],
    'runs list': ['runs', 'list'],
    'config show': ['config', 'show'],
    'timers list': ['timers', 'list'],
    'outbox list': ['outbox', 'list'],
  };
  const results: Record<string, number> = {};
  for (const [name, args] of Object.entries(commands)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      execFileSync(process.execPath, [join(ROOT, 'infra/cli/switchboard.mjs'), ...args], { cwd: ROOT, env: { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_BUILD_QUIET: '1' }, stdio: 'ignore' });
      times.push(performance.now() - started);
    }
    results[name] = Math.round(times.sort((a, b) => a - b)[2] as number);
  }
  return results;
}

export type { LoadProcess };
