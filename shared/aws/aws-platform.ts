import { EventBridgeBus } from '../bus/event-bus-eventbridge';
import { systemClock } from '../clock/clock';
import { ConfigStore } from '../config/config-store';
import { SideEffectLedger } from '../idempotency/side-effect-ledger';
import { createLogger } from '../log/logger';
import { Outbox } from '../providers/outbox';
import { DryRunSlackMessenger } from '../providers/slack/dry-run-slack-messenger';
import { LiveSlackMessenger } from '../providers/slack/live-slack-messenger';
import { UnconfiguredSlackMessenger } from '../providers/slack/unconfigured-slack-messenger';
import { RunStore } from '../runs/run-store';
import { createDocumentClient } from '../store/dynamodb-client';
import { Table } from '../store/table';
import type { Platform } from '../automation/platform';
import { readAwsEnvironment } from './aws-environment';
import { loadSecrets } from './load-secrets';

/**
 * The adapters on AWS: DynamoDB, EventBridge, Secrets Manager, and live providers (dry-run only for
 * those the stack lists in DRY_RUN_PROVIDERS). Built once per Lambda container.
 */
export async function createAwsPlatform(env: Record<string, string | undefined> = process.env): Promise<Platform> {
  const environment = readAwsEnvironment(env);
  const clock = systemClock;
  const log = createLogger({ level: environment.logLevel, runtime: 'aws' });
  const table = new Table(createDocumentClient(), environment.tableName, clock);
  const outbox = new Outbox(table, clock);
  const secrets = await loadSecrets(environment.secretArn);
  const token = secrets.SLACK_BOT_TOKEN;
  const slack = environment.dryRunProviders.has('slack')
    ? new DryRunSlackMessenger(outbox, clock)
    : token === undefined
      ? new UnconfiguredSlackMessenger()
      : new LiveSlackMessenger({ token, apiUrl: environment.apiUrls.slack, log });
  return {
    clock,
    table,
    configs: new ConfigStore(table, clock, { cacheMs: 30_000 }),
    runs: new RunStore(table, clock),
    ledger: new SideEffectLedger(table, clock),
    outbox,
    bus: new EventBridgeBus(environment.busName),
    slack,
    log,
  };
}
