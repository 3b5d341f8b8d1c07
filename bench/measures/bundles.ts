import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { signSlackRequest } from '../../functions/ingest/slack/verify-slack-request';
import { automations } from '../../functions/registry';
import { bundleFunction } from '../../infra/build/bundle-function.mjs';
import { newSlackEventId, slackMessagePayload } from '../../infra/cli/scenarios/slack-message-payload';
import { systemClock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { parseConfig } from '../../shared/config/parse-config';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { ensureTable } from '../../shared/store/ensure-table';
import { startEmbeddedDynamoDb } from '../../test/support/embedded-dynamodb';
import { FakeSchedulerApi } from '../../test/support/fake-scheduler-api';
import { FakeAwsJsonApis } from '../support/fake-aws';
import { sampleFlows } from '../support/sample-flows';

const ROOT = new URL('../../', import.meta.url).pathname;
const SIGNING_SECRET = 'bench-signing-secret';

/** Size budgets of SPEC §5. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number>> = { ingest: 150 * 1024, 'after-hours': 600 * 1024 };

export interface BundleResult {
  name: string;
  bytes: number;
  budgetBytes: number | undefined;
  /** The biggest contributors, in KB. */
  largest: [string, number][];
  /** Loaded and run in a fresh Node.js process against fake AWS endpoints (undefined: no sample event). */
  run:
    | {
        loadMs: number;
        /** The first event (a cold start: clients, secret, configuration). */
        coldMs: number;
        /** The second event. */
        warmMs: number;
        /** From process start to the end of the second event. */
        processMs: number;
        /** Log bytes the second event wrote (CloudWatch Logs ingestion). */
        warmLogBytes: number;
      }
    | undefined;
}

/**
 * Each Lambda bundle as the stack deploys it (`infra/build/bundle-function.mjs`): its size, what makes
 * it up, and the time to load it and run one event in a fresh Node.js process, through the real AWS SDK
 * clients against dynalite, a fake Secrets Manager and EventBridge, and a fake Scheduler, with providers
 * in dry-run.
 */
export async function measureBundles(workDir: string): Promise<BundleResult[]> {
  const dynamo = await startEmbeddedDynamoDb();
  const aws = await FakeAwsJsonApis.start({ SLACK_SIGNING_SECRET: SIGNING_SECRET });
  const scheduler = await FakeSchedulerApi.start();
  try {
    const tableName = 'switchboard-bench';
    const doc = createDocumentClient({ endpoint: dynamo.endpoint });
    await ensureTable(doc, tableName);
    const table = new DynamoDbTable(doc, tableName, systemClock);
    await new ConfigStore(table, systemClock).apply(parseConfig(await readFile(join(ROOT, 'switchboard.config.example.yaml'), 'utf8'), 'example'), { source: 'example' });
    await table.close();
    const env = {
      PATH: process.env['PATH'] ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: aws.endpoint,
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TABLE_NAME: tableName,
      EVENT_BUS_NAME: 'switchboard',
      EVENT_BUS_ARN: 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard',
      SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:switchboard',
      WEBHOOK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:switchboard-webhooks',
      SCHEDULE_GROUP: 'switchboard',
      SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
      TIMERS_DEAD_LETTER_ARN: 'arn:aws:sqs:us-east-1:123456789012:timers-dlq',
      DRY_RUN_PROVIDERS: 'slack,twilio,github,salesforce,unthread,google-sheets',
      LOG_LEVEL: 'INFO',
    };
    const names = ['ingest', ...automations.map((automation) => automation.name)];
    const results: BundleResult[] = [];
    for (const name of names) {
      const outdir = join(workDir, name);
      await rm(outdir, { recursive: true, force: true });
      const { file, bytes, inputs } = await bundleFunction({ entry: `functions/${name}/handler.ts`, outdir });
      const events = name === 'ingest' ? ingestEvents() : automationEvents(name);
      results.push({
        name,
        bytes,
        budgetBytes: BUNDLE_BUDGETS[name],
        largest: Object.entries(inputs)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([input, size]) => [input, Math.round(size / 102.4) / 10]),
        run: events === undefined ? undefined : await runInFreshProcess(file, events, env, join(workDir, `${name}.json`)),
      });
    }
    return results;
  } finally {
    await scheduler.close();
    await aws.close();
    await dynamo.close();
  }
}

/** Runs the bundle in a child process; asynchronously, since the fake AWS endpoints live in this one. */
async function runInFreshProcess(file: string, events: unknown[], env: Record<string, string>, resultFile: string): Promise<BundleResult['run']> {
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'bench/support/run-bundle.mjs'), file], { env: { ...env, BENCH_EVENTS: JSON.stringify(events), BENCH_RESULT: resultFile }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    throw new Error(`running ${file} failed: ${stderr.split('\n').filter((line) => line.length < 400).slice(-8).join('\n')}`);
  }
  const result = JSON.parse(await readFile(resultFile, 'utf8')) as { loadMs: number; timings: number[]; logBytes: number[]; processMs: number };
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { loadMs: round(result.loadMs), coldMs: round(result.timings[0] ?? 0), warmMs: round(result.timings[1] ?? 0), processMs: round(result.processMs), warmLogBytes: result.logBytes[1] ?? 0 };
}

/** Two signed Slack message webhooks as API Gateway (HTTP API, payload 2.0) hands them to ingest. */
function ingestEvents(): unknown[] {
  return [1, 2].map((n) => {
    const now = new Date();
    const body = JSON.stringify(slackMessagePayload({ teamId: 'T0EXAMPLE1', channel: 'C0ACMEPROD', user: `U0BUNDLE${n}`, userTeam: 'T0CUSTOMER1', text: 'Our production cluster is down', ts: dateToSlackTs(now, n), eventId: newSlackEventId() }));
    const timestamp = Math.floor(now.getTime() / 1000);
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/webhooks/slack/events',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body) },
      requestContext: { http: { method: 'POST', path: '/webhooks/slack/events', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Slackbot 1.0' }, requestId: `bench-${n}`, routeKey: '$default', stage: '$default', time: now.toUTCString(), timeEpoch: now.getTime() },
      body,
      isBase64Encoded: false,
    };
  });
}

/** Two EventBridge deliveries of the automation's sample event. */
function automationEvents(name: string): unknown[] | undefined {
  const flow = sampleFlows.find((candidate) => candidate.automation === name);
  if (flow === undefined) return undefined;
  return [1, 2].map((n) => {
    const event = flow.event(1000 + n);
    return { version: '0', id: `bench-${n}`, 'detail-type': event.detailType, source: 'switchboard', account: '123456789012', time: new Date().toISOString(), region: 'us-east-1', resources: [], detail: event.detail };
  });
}
