import { access, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createIngest } from '../../functions/ingest/ingest';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { DeliveryLedger } from '../../functions/ingest/delivery-ledger';
import { automations as allAutomations } from '../../functions/registry';
import type { Automation } from '../../shared/automation/automation';
import type { Platform } from '../../shared/automation/platform';
import { runAutomation } from '../../shared/automation/run-automation';
import { clockStartingAt, systemClock, type Clock } from '../../shared/clock/clock';
import { ConfigStore, type ActiveConfig } from '../../shared/config/config-store';
import { parseConfig } from '../../shared/config/parse-config';
import { SideEffectLedger } from '../../shared/idempotency/side-effect-ledger';
import { createLogger, type Logger } from '../../shared/log/logger';
import { Outbox } from '../../shared/providers/outbox';
import { DryRunSlackMessenger } from '../../shared/providers/slack/dry-run-slack-messenger';
import { LiveSlackMessenger, type LiveSlackOptions } from '../../shared/providers/slack/live-slack-messenger';
import type { SlackMessenger } from '../../shared/providers/slack/slack-messenger';
import { RunStore } from '../../shared/runs/run-store';
import { readEnv, type Settings } from '../../shared/settings/read-env';
import type { SecretName, Secrets } from '../../shared/settings/secrets';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { ensureTable } from '../../shared/store/ensure-table';
import { Table } from '../../shared/store/table';
import { DryRunSmsSender } from '../../shared/providers/sms/dry-run-sms-sender';
import type { SmsSender } from '../../shared/providers/sms/sms-sender';
import { TwilioSmsSender, type TwilioSmsOptions } from '../../shared/providers/sms/twilio-sms-sender';
import { TableTimers } from '../../shared/timers/table-timers';
import { BackgroundPoller } from './background-poller';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from './embedded-dynamodb';
import { startHttpServer } from './http-server';
import { LocalBus, type LocalBusOptions } from './local-bus';
import { loadLocalSecrets } from './local-secrets';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';

export interface LocalRuntimeOptions {
  /** The environment (default `process.env`): PORT, SWITCHBOARD_NOW, DYNAMODB_ENDPOINT, secrets, API URLs… */
  env?: Record<string, string | undefined>;
  /** A clock to use instead of the one `SWITCHBOARD_NOW` describes (tests move it by hand). */
  clock?: Clock;
  /** Applied when the table holds no configuration yet; by default `switchboard.config.yaml`, else the example. */
  configFile?: string;
  bus?: Partial<LocalBusOptions>;
  /** Keep the embedded DynamoDB in memory instead of under the data directory. */
  inMemory?: boolean;
  /** Tuning of the live Slack client (tests shorten its retries). */
  slack?: Pick<LiveSlackOptions, 'retries' | 'timeoutMs'>;
  /** Tuning of the live Twilio client. */
  twilio?: Pick<TwilioSmsOptions, 'maxRetries' | 'timeoutMs'>;
  /** How often due timers fire and queued events are picked up (default 1 s); 0: only by `tick()`. */
  pollIntervalMs?: number;
  automations?: readonly Automation[];
  /** Milliseconds the configuration is cached between reads (default 1 s). */
  configCacheMs?: number;
}

export interface LocalRuntime {
  url: string;
  port: number;
  dynamoEndpoint: string;
  dataDir: string;
  settings: Settings;
  platform: Platform;
  bus: LocalBus;
  secrets: Secrets;
  generatedSecrets: SecretName[];
  config: ActiveConfig;
  /** Where the configuration came from when this start applied it. */
  appliedConfigFrom: string | undefined;
  recoveredEvents: number;
  timers: TableTimers;
  /** Fires due timers and picks up queued events now (what the poller does every second). */
  tick(): Promise<{ timersFired: number; eventsPickedUp: number }>;
  /** Resolves when every accepted event has been handled. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}


/**
 * Runs Switchboard in one process: embedded DynamoDB, the in-process bus, the automations, and the HTTP
 * server in front of the same ingest handler as on AWS.
 *
 * @example
 * const runtime = await startLocalRuntime();
 * console.log(runtime.url); // http://localhost:3000
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const env = options.env ?? process.env;
  const settings = readEnv(env);
  const dataDir = resolve(settings.dataDir);
  await mkdir(dataDir, { recursive: true });
  const clock = options.clock ?? (settings.startAt === undefined ? systemClock : clockStartingAt(settings.startAt));
  const log = createLogger({ level: settings.logLevel, runtime: 'local' });

  let embedded: EmbeddedDynamoDb | undefined;
  let dynamoEndpoint = settings.dynamoEndpoint;
  if (dynamoEndpoint === undefined) {
    embedded = await startEmbeddedDynamoDb(options.inMemory ? {} : { directory: join(dataDir, 'data') });
    dynamoEndpoint = embedded.endpoint;
  }
  const doc = createDocumentClient({ endpoint: dynamoEndpoint });
  await ensureTable(doc, settings.tableName);
  const table = new Table(doc, settings.tableName, clock);

  const { secrets, generated } = await loadLocalSecrets(dataDir, env);
  const configs = new ConfigStore(table, clock, { cacheMs: options.configCacheMs ?? 1_000 });
  const appliedConfigFrom = await applyConfigOnFirstStart(configs, options.configFile);
  const config = await configs.current();

  const outbox = new Outbox(table, clock);
  const automations = options.automations ?? allAutomations;
  let platform: Platform | undefined;
  const bus = new LocalBus(
    table,
    automations,
    (automation, event) => runAutomation(automation, event, platform as Platform),
    clock,
    log,
    // Like Lambda's asynchronous retries: spread over long enough to outlast a side effect's lease.
    { retryDelaysMs: [1_000, 10_000, 60_000], concurrency: 64, ...options.bus },
  );
  const timers = new TableTimers(table);
  platform = {
    clock,
    table,
    configs,
    timers,
    sms: smsSender(secrets, generated, settings, log, outbox, options.twilio),
    publicBaseUrl: settings.publicBaseUrl,
    runs: new RunStore(table, clock),
    // On its own embedded store this process is the only writer, so claims of a previous (crashed)
    // process are taken over at once; a shared DYNAMODB_ENDPOINT may have other writers.
    ledger: new SideEffectLedger(table, clock, { soleWriter: embedded !== undefined }),
    outbox,
    bus,
    slack: slackMessenger(secrets, settings, log, outbox, clock, options.slack),
    log,
  };

  let ownUrl: string | undefined;
  const ingest = createIngest({
    clock,
    secrets: async () => secrets,
    publicBaseUrl: () => settings.publicBaseUrl?.replace(/\/$/, '') ?? ownUrl,
    bus,
    deliveries: new DeliveryLedger(table, clock),
    log,
    runtime: 'local',
    version: SWITCHBOARD_VERSION,
  });
  const recoveredEvents = await bus.recover();
  const http = await startHttpServer(ingest, settings.port);
  const url = `http://localhost:${http.port}`;
  ownUrl = url;
  platform.publicBaseUrl = settings.publicBaseUrl?.replace(/\/$/, '') ?? url;
  const poller = new BackgroundPoller(timers, bus, clock, log);
  if ((options.pollIntervalMs ?? 1_000) > 0) poller.start(options.pollIntervalMs ?? 1_000);
  await writeRuntimeFile(dataDir, { pid: process.pid, url, dynamoEndpoint, tableName: settings.tableName, startedAt: clock.now().toISOString() });

  return {
    url,
    port: http.port,
    dynamoEndpoint,
    dataDir,
    settings,
    platform,
    bus,
    secrets,
    generatedSecrets: generated,
    config,
    appliedConfigFrom,
    recoveredEvents,
    timers,
    tick: () => poller.tick(),
    drain: () => bus.drain(),
    async stop() {
      await http.close();
      await poller.stop();
      await bus.stop();
      await removeRuntimeFile(dataDir, process.pid);
      doc.destroy();
      await embedded?.close();
    },
  };
}

function slackMessenger(
  secrets: Secrets,
  settings: Settings,
  log: Logger,
  outbox: Outbox,
  clock: Clock,
  tuning: LocalRuntimeOptions['slack'],
): SlackMessenger {
  const token = secrets.SLACK_BOT_TOKEN;
  if (token === undefined) return new DryRunSlackMessenger(outbox, clock);
  return new LiveSlackMessenger({ token, apiUrl: settings.apiUrls.slack, log, ...tuning });
}

/**
 * Twilio is live only with real credentials: a TWILIO_AUTH_TOKEN generated locally verifies simulated
 * webhooks but cannot send anything.
 */
function smsSender(
  secrets: Secrets,
  generated: readonly SecretName[],
  settings: Settings,
  log: Logger,
  outbox: Outbox,
  tuning: LocalRuntimeOptions['twilio'],
): SmsSender {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: from } = secrets;
  if (accountSid === undefined || authToken === undefined || from === undefined || generated.includes('TWILIO_AUTH_TOKEN')) {
    return new DryRunSmsSender(outbox, from);
  }
  return new TwilioSmsSender({ accountSid, authToken, from, apiUrl: settings.apiUrls.twilio, log, ...tuning });
}

/** On the very first start the table has no configuration: apply the admin's file, or the example. */
async function applyConfigOnFirstStart(configs: ConfigStore, configFile: string | undefined): Promise<string | undefined> {
  if ((await configs.find()) !== undefined) return undefined;
  const file = configFile ?? ((await exists('switchboard.config.yaml')) ? 'switchboard.config.yaml' : 'switchboard.config.example.yaml');
  await configs.apply(parseConfig(await readFile(file, 'utf8'), file), { source: file });
  return file;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
