import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { resolve } from 'node:path';
import { clockStartingAt, systemClock, type Clock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { readEnv } from '../../shared/settings/read-env';
import { readSecrets, type Secrets } from '../../shared/settings/secrets';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { ensureTable } from '../../shared/store/ensure-table';
import { Table } from '../../shared/store/table';
import type { EventBus } from '../../shared/bus/event-bus';
import { EventBridgeBus } from '../../shared/bus/event-bus-eventbridge';
import { SchedulerTimers } from '../../shared/timers/scheduler-timers';
import { TableTimers } from '../../shared/timers/table-timers';
import type { Timers } from '../../shared/timers/timers';
import { startEmbeddedDynamoDb } from '../local/embedded-dynamodb';
import { LocalQueue } from '../local/local-queue';
import { readKeptSecrets } from '../local/local-secrets';
import { readRuntimeFile } from '../local/runtime-file';
import { STACK_OUTPUTS } from '../stack/stack-outputs';

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
  /** The public base URL of the webhooks, when known. */
  baseUrl: string | undefined;
  /** The URL providers sign (Twilio signs the full URL). */
  publicBaseUrl: string | undefined;
  clock: Clock;
  /** The webhook secrets, to sign simulated requests. */
  secrets(): Promise<Secrets>;
  close(): Promise<void>;
}

export interface TargetOptions {
  stack?: string | undefined;
  env?: Record<string, string | undefined>;
}

/**
 * Finds the Switchboard to work on. `--stack NAME`: the deployed stack, through its CloudFormation outputs.
 * Otherwise the local one: the running local runtime (from `.switchboard/runtime.json`), else
 * `DYNAMODB_ENDPOINT`, else the embedded DynamoDB opened on the data directory for this command.
 */
export async function openTarget(options: TargetOptions = {}): Promise<Target> {
  return options.stack === undefined ? openLocal(options.env ?? process.env) : openStack(options.stack);
}

async function openLocal(env: Record<string, string | undefined>): Promise<Target> {
  const settings = readEnv(env);
  const dataDir = resolve(settings.dataDir);
  const running = await readRuntimeFile(dataDir);
  const clock: Clock = settings.startAt === undefined ? systemClock : clockStartingAt(settings.startAt);
  let endpoint = running?.dynamoEndpoint ?? settings.dynamoEndpoint;
  let description = running === undefined ? `local data in ${settings.dataDir}` : `local runtime at ${running.url}`;
  let closeEmbedded = async () => undefined as void;
  if (endpoint === undefined) {
    const embedded = await startEmbeddedDynamoDb({ directory: resolve(dataDir, 'data') }).catch((error: unknown) => {
      throw new Error(`cannot open ${settings.dataDir}/data (is another Switchboard process using it?)`, { cause: error });
    });
    endpoint = embedded.endpoint;
    closeEmbedded = () => embedded.close();
  } else if (running === undefined) {
    description = `DynamoDB at ${endpoint}`;
  }
  const doc = createDocumentClient({ endpoint });
  const tableName = running?.tableName ?? settings.tableName;
  await ensureTable(doc, tableName);
  const table = new Table(doc, tableName, clock);
  return {
    description,
    table,
    configs: new ConfigStore(table, clock, { cacheMs: 0 }),
    runs: new RunStore(table, clock),
    outbox: new Outbox(table, clock),
    bus: new LocalQueue(table),
    timers: new TableTimers(table),
    baseUrl: running?.url ?? `http://localhost:${settings.port}`,
    publicBaseUrl: settings.publicBaseUrl ?? running?.url ?? `http://localhost:${settings.port}`,
    clock,
    secrets: async () => ({ ...(await readKeptSecrets(dataDir)), ...readSecrets(env) }),
    async close() {
      doc.destroy();
      await closeEmbedded();
    },
  };
}

async function openStack(stackName: string): Promise<Target> {
  const cloudFormation = new CloudFormationClient({});
  const { Stacks: stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries((stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const required = (key: string) => {
    const value = outputs[key];
    if (value === undefined) throw new Error(`stack ${stackName} has no output ${key}; was it deployed with this version of Switchboard?`);
    return value;
  };
  const doc = createDocumentClient();
  const table = new Table(doc, required(STACK_OUTPUTS.tableName), systemClock);
  const secretId = required(STACK_OUTPUTS.secretArn);
  const bus = new EventBridgeBus(required(STACK_OUTPUTS.busName));
  const baseUrl = required(STACK_OUTPUTS.apiUrl).replace(/\/$/, '');
  return {
    description: `stack ${stackName}`,
    table,
    configs: new ConfigStore(table, systemClock, { cacheMs: 0 }),
    runs: new RunStore(table, systemClock),
    outbox: new Outbox(table, systemClock),
    bus,
    timers: new SchedulerTimers({
      groupName: required(STACK_OUTPUTS.scheduleGroup),
      roleArn: required(STACK_OUTPUTS.schedulerRoleArn),
      busArn: required(STACK_OUTPUTS.busArn),
      bus,
      clock: systemClock,
    }),
    baseUrl,
    publicBaseUrl: baseUrl,
    clock: systemClock,
    async secrets() {
      const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
      return readSecrets(JSON.parse(secret.SecretString ?? '{}') as Record<string, unknown>);
    },
    async close() {
      doc.destroy();
    },
  };
}
