import { access, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contactFormRulesOf } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { createIngest } from '../../functions/ingest/ingest';
import { automations as allAutomations } from '../../functions/registry';
import type { Automation } from '../../shared/automation/automation';
import type { Platform } from '../../shared/automation/platform';
import { runAutomation } from '../../shared/automation/run-automation';
import { clockStartingAt, systemClock, type Clock } from '../../shared/clock/clock';
import { ConfigStore, type ActiveConfig } from '../../shared/config/config-store';
import { SideEffectLedger } from '../../shared/idempotency/side-effect-ledger';
import { createLogger } from '../../shared/log/logger';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { readEnv, type Settings } from '../../shared/settings/read-env';
import type { SecretName, Secrets } from '../../shared/settings/secrets';
import { TableTimers } from '../../shared/timers/table-timers';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { credentialsToSet } from '../../shared/settings/provider-credentials';
import { BackgroundPoller, type Chore } from './background-poller';
import { DailyTimers } from './daily-timers';
import { startHttpServer } from './http-server';
import { LocalBus, type LocalBusOptions } from './local-bus';
import { chooseLocalProviders, type ProviderTuning } from './local-providers';
import { loadLocalSecrets } from './local-secrets';
import { AckFirstTable } from './ack-first-table';
import { localStoreLocation, openLocalStore, type StoreLocation } from './local-store';
import { AlreadyRunningError, claimRuntimeFile, readRuntimeFile, removeRuntimeFile, updateRuntimeFile } from './runtime-file';

export interface LocalRuntimeOptions extends ProviderTuning {
  /** The environment (default `process.env`): PORT, HOST, SWITCHBOARD_NOW, DYNAMODB_ENDPOINT, secrets, API URLs… */
  env?: Record<string, string | undefined>;
  /** A clock to use instead of the one `SWITCHBOARD_NOW` describes (tests move it by hand). */
  clock?: Clock;
  /** Applied when the table holds no configuration yet; by default `switchboard.config.yaml`, else the example. */
  configFile?: string;
  bus?: Partial<LocalBusOptions>;
  /** Keep the SQLite store in memory instead of under the data directory. */
  inMemory?: boolean;
  /** How often due timers fire, queued events are picked up and the configuration is re-read (default 1 s); 0: only by `tick()`. */
  pollIntervalMs?: number;
  automations?: readonly Automation[];
  /** Milliseconds the configuration is kept before it is read again (default: until the poller re-reads it). */
  configCacheMs?: number;
  /** Arm the automations' daily timers at start (default true; tests of other timers leave them out). */
  armDailyTimers?: boolean;
}

export interface LocalRuntime {
  url: string;
  port: number;
  /** The address the server is bound to (127.0.0.1 unless HOST says otherwise). */
  boundAddress: string;
  store: StoreLocation;
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
  /** Fires due timers, retries runs whose rate-limit wait ended and picks up queued events now (what the poller does every second). */
  tick(): Promise<{ timersFired: number; eventsPickedUp: number }>;
  /** Resolves when every accepted event has been handled. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** Expired items are swept every this many ticks (reads ignore them meanwhile). */
const SWEEP_EVERY_TICKS = 60;

/**
 * Runs Switchboard in one process: the SQLite store (or DynamoDB at `DYNAMODB_ENDPOINT`), the in-process
 * bus, the automations, and the HTTP server in front of the same ingest handler as on AWS.
 *
 * The order matters: a runtime already running on the data is reported and a busy port refused before
 * anything is created; the data directory is then claimed (one runtime per data directory), and the
 * server answers 503 until everything is ready.
 *
 * @example
 * const runtime = await startLocalRuntime();
 * console.log(runtime.url); // http://localhost:3000
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const env = options.env ?? process.env;
  const settings = readEnv(env);
  const dataDir = resolve(settings.dataDir);
  const clock = options.clock ?? (settings.startAt === undefined ? systemClock : clockStartingAt(settings.startAt));
  const log = createLogger({ level: settings.logLevel, runtime: 'local', format: settings.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json') });

  const running = await readRuntimeFile(dataDir);
  if (running !== undefined) throw new AlreadyRunningError(running);
  const http = await startHttpServer(settings.port, settings.host);
  const url = `http://${displayHost(settings.host)}:${http.port}`;
  // Undone in reverse if the start fails half-way; `stop` undoes them in the same order.
  const cleanups: (() => Promise<unknown>)[] = [() => http.close()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    await mkdir(dataDir, { recursive: true });
    const location = localStoreLocation({ dataDir, dynamoEndpoint: settings.dynamoEndpoint, tableName: settings.tableName, inMemory: options.inMemory ?? false });
    await claimRuntimeFile(dataDir, { pid: process.pid, url, store: location, startedAt: clock.now().toISOString() });
    cleanups.push(() => removeRuntimeFile(dataDir, process.pid));
    const store = await openLocalStore(location, clock, {
      checkpointInBackground: true,
      onCheckpointFailure: (reason) => log.warn('background checkpoints stopped: SQLite checkpoints in its commits again', { reason }),
    });
    const { table, sqlite } = store;
    cleanups.push(() => store.close());

    const { secrets, generated } = await loadLocalSecrets(dataDir, env);
    const configs = new ConfigStore(table, clock, { cacheMs: options.configCacheMs ?? Number.POSITIVE_INFINITY });
    const appliedConfigFrom = await applyConfigOnFirstStart(configs, options.configFile);
    const config = await configs.current();

    let platform: Platform | undefined;
    const bus = new LocalBus(
      table,
      options.automations ?? allAutomations,
      (automation, event, runOptions) => runAutomation(automation, event, platform as Platform, runOptions),
      clock,
      log,
      // Like Lambda's asynchronous retries: spread over long enough to outlast a side effect's lease. After a
      // provider's rate limit, no sooner than it asked, and without using up these attempts (see LocalBus).
      { retryDelaysMs: [1_000, 10_000, 60_000], concurrency: 32, ...options.bus },
    );
    // What the automations write reaches them a turn after ingest's acks of the same commit (see AckFirstTable).
    const automationTable = new AckFirstTable(table);
    const outbox = new Outbox(automationTable, clock);
    const timers = new TableTimers(automationTable);
    const publicBaseUrl = settings.publicBaseUrl?.replace(/\/$/, '') ?? url;
    platform = {
      clock,
      table: automationTable,
      configs,
      timers,
      publicBaseUrl,
      runs: new RunStore(automationTable, clock),
      // One runtime per data directory (the runtime file): a pending claim of another instance on SQLite
      // was left by a process that died, and is taken over at once. A shared DynamoDB may have other writers.
      ledger: new SideEffectLedger(automationTable, clock, { soleWriter: location.kind === 'sqlite' }),
      outbox,
      bus,
      log,
      ...(await chooseLocalProviders({ secrets, generated, settings, outbox, clock, log, tuning: options })),
    };
    // The console (another process) shows which providers are live: only this start knows.
    const modes = { slack: platform.slack, twilio: platform.sms, unthread: platform.unthread, 'google-sheets': platform.sheets, github: platform.github };
    await updateRuntimeFile(dataDir, process.pid, {
      providers: Object.entries(modes).map(([provider, port]) => ({ provider, mode: port.mode, enableWith: credentialsToSet(provider) })),
    });
    http.serve(
      createIngest({
        clock,
        secrets: async () => secrets,
        publicBaseUrl: () => publicBaseUrl,
        intake: bus,
        contactFormRules: async () => contactFormRulesOf((await configs.current()).config),
        formSubmissions: new FormSubmissions(table, clock),
        log,
        // With SLACK_API_URL on a fake Slack, its response URLs are kept as Slack's would be.
        slackResponseUrlOverride: settings.apiUrls.slack === undefined ? undefined : `${new URL(settings.apiUrls.slack).origin}/`,
        runtime: 'local',
        version: SWITCHBOARD_VERSION,
      }),
    );
    const recoveredEvents = await bus.recover();
    let ticks = 0;
    const chores: Chore[] = [
      () => configs.refresh(),
      async () => {
        ticks += 1;
        if (sqlite !== undefined && ticks % SWEEP_EVERY_TICKS === 0) sqlite.sweepExpired();
      },
    ];
    const dailyTimers = new DailyTimers(options.automations ?? allAutomations, timers, clock);
    if (options.armDailyTimers ?? true) await dailyTimers.arm();
    const poller = new BackgroundPoller(timers, bus, clock, log, chores, (timer) => dailyTimers.rearm(timer));
    if ((options.pollIntervalMs ?? 1_000) > 0) poller.start(options.pollIntervalMs ?? 1_000);
    cleanups.push(
      () => bus.stop(),
      () => poller.stop(),
    );
    // Stopping: no new requests, then no new ticks, then the runs under way, then the store and the claim.
    const stop = async () => {
      cleanups.length = 0;
      await http.close().catch(() => undefined);
      await poller.stop();
      await bus.stop();
      await store.close();
      await removeRuntimeFile(dataDir, process.pid);
    };

    return {
      url,
      port: http.port,
      boundAddress: (http.server.address() as { address: string }).address,
      store: location,
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
      stop,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** `localhost` for the loopback default, so the URL reads as people type it. */
function displayHost(host: string): string {
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') return 'localhost';
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** On the very first start the table has no configuration: apply the admin's file, or the example. */
async function applyConfigOnFirstStart(configs: ConfigStore, configFile: string | undefined): Promise<string | undefined> {
  if ((await configs.find()) !== undefined) return undefined;
  const file = configFile ?? ((await exists('switchboard.config.yaml')) ? 'switchboard.config.yaml' : 'switchboard.config.example.yaml');
  const { parseConfig } = await import('../../shared/config/parse-config'); // YAML only on a first start
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
