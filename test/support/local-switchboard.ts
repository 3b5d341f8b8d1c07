import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../infra/local/local-runtime';
import type { FakeGoogleSheetsApi } from './fake-google-sheets-api';
import type { FakeGitHubApi } from './fake-github-api';
import type { FakeSalesforceApi } from './fake-salesforce-api';
import type { FakeSlackApi } from './fake-slack-api';
import { TEST_GITHUB_WEBHOOK_SECRET } from './github-webhooks';
import type { FakeTwilioApi } from './fake-twilio-api';
import type { FakeUnthreadApi } from './fake-unthread-api';
import type { ManualClock } from './manual-clock';
import { SWITCHBOARD_NUMBER, TEST_TWILIO_AUTH_TOKEN } from './twilio-requests';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
/** The secret the website sends in `webhookSecret` (CONTACT_FORM_SECRET) in the tests. */
export const TEST_CONTACT_FORM_SECRET = 'test-contact-form-secret-0123456789';
/** Unthread's webhook signing secret (UNTHREAD_WEBHOOK_SECRET) in the tests. */
export const TEST_UNTHREAD_WEBHOOK_SECRET = 'test-unthread-signing-secret-0123456789';
/** The `token` of Salesforce's outbound message URL (SALESFORCE_OUTBOUND_TOKEN) in the tests. */
export const TEST_SALESFORCE_OUTBOUND_TOKEN = 'test-salesforce-outbound-token-0123456789';
/** The Salesforce org the tests' outbound messages come from (SALESFORCE_ORG_ID): the fake Salesforce's. */
export const TEST_SALESFORCE_ORG_ID = '00D5e000000SBTESTA';

export interface LocalSwitchboard extends LocalRuntime {
  clock: ManualClock;
  /** Stops the runtime and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The local runtime as a test starts it: real HTTP on a free port, its own SQLite file in a fresh data
 * directory, the example configuration, a clock the test moves, Slack live against `slack`, Twilio
 * live against `twilio`, GitHub against `github`, Unthread against `unthread` and Google Sheets against
 * `google`, Salesforce against `salesforce` (fake APIs on 127.0.0.1), or each in dry-run without one. Retries are shortened,
 * not removed. Timers fire when the test calls `tick()` (no background polling unless asked).
 */
export async function startLocalSwitchboard(input: {
  clock: ManualClock;
  slack?: FakeSlackApi;
  twilio?: FakeTwilioApi;
  unthread?: FakeUnthreadApi;
  google?: FakeGoogleSheetsApi;
  github?: FakeGitHubApi;
  salesforce?: FakeSalesforceApi;
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
      CONTACT_FORM_SECRET: TEST_CONTACT_FORM_SECRET,
      UNTHREAD_WEBHOOK_SECRET: TEST_UNTHREAD_WEBHOOK_SECRET,
      GITHUB_WEBHOOK_SECRET: TEST_GITHUB_WEBHOOK_SECRET,
      SALESFORCE_OUTBOUND_TOKEN: TEST_SALESFORCE_OUTBOUND_TOKEN,
      SALESFORCE_ORG_ID: TEST_SALESFORCE_ORG_ID,
      ...(input.slack === undefined ? {} : { SLACK_BOT_TOKEN: input.slack.token, SLACK_API_URL: input.slack.url }),
      ...(input.twilio === undefined
        ? {}
        : { TWILIO_ACCOUNT_SID: input.twilio.accountSid, TWILIO_AUTH_TOKEN: input.twilio.authToken, TWILIO_FROM_NUMBER: SWITCHBOARD_NUMBER, TWILIO_API_URL: input.twilio.url }),
      ...(input.unthread === undefined ? {} : { UNTHREAD_API_KEY: input.unthread.apiKey, UNTHREAD_API_URL: input.unthread.url }),
      ...(input.google === undefined
        ? {}
        : { GOOGLE_SERVICE_ACCOUNT_JSON: input.google.serviceAccountJson(), GOOGLE_SHEETS_API_URL: input.google.url, GOOGLE_OAUTH_TOKEN_URL: input.google.tokenUrl }),
      ...(input.github?.token === undefined ? {} : { GITHUB_TOKEN: input.github.token, GITHUB_API_URL: input.github.url }),
      ...(input.salesforce === undefined ? {} : input.salesforce.env()),
      ...input.env,
    },
    clock: input.clock,
    configFile: 'switchboard.config.example.yaml',
    configCacheMs: 0,
    bus: { retryDelaysMs: [20, 50] },
    slack: { retries: { retries: 2, minTimeout: 10, maxTimeout: 30 }, timeoutMs: 2_000 },
    twilio: { maxRetries: 1, timeoutMs: 2_000 },
    // Retry-After is honoured, but not slept through: the test's clock is the only clock.
    unthread: { retries: { attempts: 3, maxWaitMs: 10_000, baseDelayMs: 10 }, timeoutMs: 2_000, wait: async () => undefined },
    googleSheets: { retries: { retry: 1, retryDelayMs: 5 }, timeoutMs: 2_000 },
    github: { retryAfterBaseMs: 1, writeSpacingMs: 0, timeoutMs: 2_000 },
    salesforce: { retries: 2, retryBaseMs: 1, timeoutMs: 2_000 },
    pollIntervalMs: 0,
    // The daily timers (codename-sync's reconciliation) are armed only by the tests that are about them.
    armDailyTimers: false,
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
