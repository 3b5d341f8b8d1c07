import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../infra/local/local-runtime';
import type { FakeGitHubApi } from './fake-github-api';
import type { FakeSlackApi } from './fake-slack-api';
import { TEST_GITHUB_WEBHOOK_SECRET } from './github-webhooks';
import type { FakeTwilioApi } from './fake-twilio-api';
import type { ManualClock } from './manual-clock';
import { SWITCHBOARD_NUMBER, TEST_TWILIO_AUTH_TOKEN } from './twilio-requests';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface LocalSwitchboard extends LocalRuntime {
  clock: ManualClock;
  /** Stops the runtime and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The local runtime as a test starts it: real HTTP on a free port, its own SQLite file in a fresh data
 * directory, the example configuration, a clock the test moves, Slack live against `slack` and Twilio
 * live against `twilio`, GitHub live against `github` (fake APIs on 127.0.0.1) or each in dry-run without one. Retries are shortened,
 * not removed. Timers fire when the test calls `tick()` (no background polling unless asked).
 */
export async function startLocalSwitchboard(input: {
  clock: ManualClock;
  slack?: FakeSlackApi;
  twilio?: FakeTwilioApi;
  github?: FakeGitHubApi;
  env?: Record<string, string>;
  options?: Partial<LocalRuntimeOptions>;
  /** An existing data directory (a restart); by default a fresh one, removed by `dispose`. */
  dataDir?: string;
}): Promise<LocalSwitchboard> {
  const dataDir = input.dataDir ?? (await mkdtemp(join(tmpdir(), 'switchboard-test-')));
  const runtime = await startLocalRuntime({
    env: {
      PORT: '0',
      SWITCHBOARD_DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      LOG_LEVEL: 'SILENT',
      TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN,
      GITHUB_WEBHOOK_SECRET: TEST_GITHUB_WEBHOOK_SECRET,
      ...(input.slack === undefined ? {} : { SLACK_BOT_TOKEN: input.slack.token, SLACK_API_URL: input.slack.url }),
      ...(input.twilio === undefined
        ? {}
        : { TWILIO_ACCOUNT_SID: input.twilio.accountSid, TWILIO_AUTH_TOKEN: input.twilio.authToken, TWILIO_FROM_NUMBER: SWITCHBOARD_NUMBER, TWILIO_API_URL: input.twilio.url }),
      ...(input.github?.token === undefined ? {} : { GITHUB_TOKEN: input.github.token, GITHUB_API_URL: input.github.url }),
      ...input.env,
    },
    clock: input.clock,
    configFile: 'switchboard.config.example.yaml',
    configCacheMs: 0,
    bus: { retryDelaysMs: [20, 50] },
    slack: { retries: { retries: 2, minTimeout: 10, maxTimeout: 30 }, timeoutMs: 2_000 },
    twilio: { maxRetries: 1, timeoutMs: 2_000 },
    github: { retryAfterBaseMs: 1, writeSpacingMs: 0, timeoutMs: 2_000 },
    pollIntervalMs: 0,
    ...input.options,
  });
  return Object.assign(runtime, {
    clock: input.clock,
    async dispose() {
      await runtime.stop();
      if (input.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  });
}
