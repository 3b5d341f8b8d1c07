import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { EventBus } from '../../shared/bus/event-bus';
import { LocalOperations } from './local-operations';
import type { Operations } from './operations';
import { localProviderModes, type ProviderModes } from './provider-modes';
import { clockStartingAt, systemClock, type Clock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { readEnv } from '../../shared/settings/read-env';
import { readSecrets, type Secrets } from '../../shared/settings/secrets';
import type { Table } from '../../shared/store/table';
import { TableTimers } from '../../shared/timers/table-timers';
import type { Timers } from '../../shared/timers/timers';
import { LocalQueue } from '../local/local-queue';
import { readKeptSecrets } from '../local/local-secrets';
import { localStoreLocation, openLocalStore } from '../local/local-store';
import { isPending } from '../local/pending-deliveries';
import { readRuntimeFile } from '../local/runtime-file';
import { OperationError } from './operation-error';
import { findDataDir } from './find-data-dir';

/** A Switchboard the CLI works on: its table, and where its webhooks are received. */
export interface Target {
  /** Human description, e.g. "local runtime at http://localhost:3000" or "stack Switchboard". */
  description: string;
  table: Table;
  configs: ConfigStore;
  runs: RunStore;
  outbox: Outbox;
  /** Where the CLI's requests go (`incidents open|ack`): the local bus's queue, or EventBridge. */
  bus: EventBus;
  timers: Timers;
  /** Replays, failed deliveries and their redrive: through the local runtime's queue, or the stack's functions and queues. */
  operations: Operations;
  /** Which providers are live and which in dry-run, as far as the target can tell (the console's overview). */
  providers(): Promise<ProviderModes>;
  /** The base URL of the webhooks, when known. */
  baseUrl: string | undefined;
  /** Whether `baseUrl` is a guess (no runtime is running locally, so the default port is assumed). */
  baseUrlKnown: boolean;
  /** The URL providers sign (Twilio signs the full URL). */
  publicBaseUrl: string | undefined;
  clock: Clock;
  /** The webhook secrets, to sign simulated requests. */
  secrets(): Promise<Secrets>;
  /**
   * Whether the target still has work to do for a delivery or event id (accepted, not yet handled by
   * every automation it goes to); undefined where it cannot tell (a stack: EventBridge does not say).
   */
  pending(id: string): Promise<boolean | undefined>;
  close(): Promise<void>;
}

export interface TargetOptions {
  stack?: string | undefined;
  env?: Record<string, string | undefined>;
  /** The command changes state: open the local store for writing (creating it if needed). */
  write?: boolean;
  cwd?: string;
}

/**
 * Finds the Switchboard to work on. `--stack NAME`: the deployed stack, through its CloudFormation
 * outputs (the AWS SDK is loaded only then). Otherwise the local one: the store of the running local
 * runtime, else the store the environment names in the project's data directory. A read-only command
 * opens the SQLite file read-only and never creates one.
 */
export async function openTarget(options: TargetOptions = {}): Promise<Target> {
  if (options.stack !== undefined) {
    const { openStackTarget } = await import('./stack-target');
    return openStackTarget(options.stack, options.env ?? process.env);
  }
  return openLocal(options.env ?? process.env, options.write ?? false, options.cwd);
}

async function openLocal(env: Record<string, string | undefined>, write: boolean, cwd: string | undefined): Promise<Target> {
  const settings = readEnv(env);
  const { dataDir } = findDataDir(env, cwd);
  const running = await readRuntimeFile(dataDir);
  const clock: Clock = settings.startAt === undefined ? systemClock : clockStartingAt(settings.startAt);
  const location = running?.store ?? localStoreLocation({ dataDir, dynamoEndpoint: settings.dynamoEndpoint, tableName: settings.tableName });
  if (location.kind === 'sqlite' && !write && !existsSync(location.file)) {
    throw new OperationError(`no local Switchboard data in ${dataDir} yet: start Switchboard once with \`npm start\` (or set SWITCHBOARD_DATA_DIR to where its data is)`);
  }
  if (write) await mkdir(dataDir, { recursive: true });
  const { table } = await openLocalStore(location, clock, { readonly: !write });
  const baseUrl = running?.url ?? `http://localhost:${settings.port}`;
  return {
    description: running !== undefined ? `local runtime at ${running.url}` : location.kind === 'sqlite' ? `local data in ${dataDir}` : `DynamoDB at ${location.endpoint}`,
    table,
    configs: new ConfigStore(table, clock, { cacheMs: 0 }),
    runs: new RunStore(table, clock),
    outbox: new Outbox(table, clock),
    bus: new LocalQueue(table, clock),
    timers: new TableTimers(table),
    operations: new LocalOperations(table, clock),
    // Read when asked: the runtime may start or stop while a console is open.
    providers: async () => localProviderModes(await readRuntimeFile(dataDir)),
    baseUrl,
    baseUrlKnown: running !== undefined,
    publicBaseUrl: settings.publicBaseUrl ?? baseUrl,
    clock,
    secrets: async () => ({ ...(await readKeptSecrets(dataDir)), ...readSecrets(env) }),
    pending: (id) => isPending(table, id),
    close: () => table.close(),
  };
}
