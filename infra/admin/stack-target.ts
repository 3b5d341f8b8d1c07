import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { stackProviderModes } from './provider-modes';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StackOperations } from './stack-operations';
import { EventBridgeBus } from '../../shared/bus/event-bus-eventbridge';
import { systemClock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { readSecrets } from '../../shared/settings/secrets';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { SchedulerTimers } from '../../shared/timers/scheduler-timers';
import { STACK_OUTPUTS } from '../stack/stack-outputs';
import type { Target } from './target';

/**
 * The deployed stack `stackName`, found through its CloudFormation outputs, with the admin's own AWS credentials.
 * The AWS settings come from `env`, the CLI's environment (see `awsClientConfig`).
 */
export async function openStackTarget(stackName: string, env: Record<string, string | undefined>): Promise<Target> {
  const cloudFormation = new CloudFormationClient(awsClientConfig(env, 'CloudFormation'));
  const { Stacks: stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries((stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const required = (key: string) => {
    const value = outputs[key];
    if (value === undefined) throw new Error(`stack ${stackName} has no output ${key}; was it deployed with this version of Switchboard?`);
    return value;
  };
  // The marshalling of shared/store/dynamodb-client.ts, on a client configured like the others.
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient(awsClientConfig(env, 'DynamoDB')), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const table = new DynamoDbTable(documents, required(STACK_OUTPUTS.tableName), systemClock);
  const bus = new EventBridgeBus(required(STACK_OUTPUTS.busName), new EventBridgeClient(awsClientConfig(env, 'EventBridge')));
  const baseUrl = required(STACK_OUTPUTS.apiUrl).replace(/\/$/, '');
  const jsonOutput = (key: string) => {
    try {
      return JSON.parse(required(key)) as Record<string, string>;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new Error(`stack ${stackName}'s output ${key} is not the JSON object Switchboard writes there; was it deployed with this version of Switchboard?`, { cause: error });
    }
  };
  // Built when an operation is asked for, like the secrets: a stack deployed before its functions and queues
  // were outputs still answers every other command.
  let operations: StackOperations | undefined;
  const stackOperations = () =>
    (operations ??= new StackOperations({
      lambda: new LambdaClient(awsClientConfig(env, 'Lambda')),
      sqs: new SQSClient(awsClientConfig(env, 'SQS')),
      functions: jsonOutput(STACK_OUTPUTS.automationFunctions),
      deadLetterQueues: jsonOutput(STACK_OUTPUTS.deadLetterQueues),
      // Optional: stacks deployed before the output existed do not have it.
      timersDeadLetterQueue: outputs[STACK_OUTPUTS.timersDeadLetterQueue],
    }));
  // The admin may read both secrets: the webhook secrets sign simulated webhooks, the credentials act
  // (codenames assign). Where a name is in both (TWILIO_AUTH_TOKEN), the webhook secret's verifies.
  // Read when needed, so that commands that sign or act nothing work on any deployed version.
  const readSecret = async (secretId: string) => {
    const secret = await new SecretsManagerClient(awsClientConfig(env, 'Secrets Manager')).send(new GetSecretValueCommand({ SecretId: secretId }));
    return readSecrets(JSON.parse(secret.SecretString ?? '{}') as Record<string, unknown>);
  };
  const secrets = async () => {
    const [credentials, webhooks] = await Promise.all([readSecret(required(STACK_OUTPUTS.secretArn)), readSecret(required(STACK_OUTPUTS.webhookSecretArn))]);
    return { ...credentials, ...webhooks };
  };
  // Optional: stacks deployed before the output existed do not have it.
  const dryRunOutput = outputs[STACK_OUTPUTS.dryRunProviders];
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
      client: new SchedulerClient(awsClientConfig(env, 'Scheduler')),
    }),
    operations: {
      replay: async (run, replayRunId) => stackOperations().replay(run, replayRunId),
      failedDeliveries: async (limit) => stackOperations().failedDeliveries(limit),
      redrive: async (id) => stackOperations().redrive(id),
    },
    async providers() {
      // What the automations read: the credentials secret alone (a key only in the webhook secret does not reach them).
      const readable = await readSecret(required(STACK_OUTPUTS.secretArn)).catch(() => undefined);
      return stackProviderModes(stackName, dryRunOutput === undefined ? undefined : (JSON.parse(dryRunOutput) as string[]), readable);
    },
    baseUrl,
    baseUrlKnown: true,
    publicBaseUrl: baseUrl,
    // EventBridge does not say whether the functions have finished with an event.
    pending: async () => undefined,
    clock: systemClock,
    secrets,
    close: () => table.close(),
  };
}

/** What every AWS SDK client of the CLI is given; the SDK's default chain finds the rest. */
export interface AwsClientConfig {
  endpoint?: string;
  region?: string;
  profile?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * An AWS SDK client's settings from the CLI's environment, read as the SDK reads the process's: an endpoint
 * override (`AWS_ENDPOINT_URL_<SERVICE ID>`, else `AWS_ENDPOINT_URL`, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS),
 * `AWS_REGION`, `AWS_PROFILE`, and access keys when no profile is named (the SDK skips them then). In a shell
 * `env` is the process's environment, so this changes nothing; it keeps another environment (a test's) its own.
 * What `env` does not say — the shared config and credentials files, SSO, a role — the SDK's default chain finds.
 *
 * @example
 * new SQSClient(awsClientConfig(process.env, 'SQS'));
 */
export function awsClientConfig(env: Record<string, string | undefined>, serviceId: string): AwsClientConfig {
  const serviceEndpoint = env[['AWS_ENDPOINT_URL', ...serviceId.split(' ').map((word) => word.toUpperCase())].join('_')];
  const endpoint = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true' ? undefined : serviceEndpoint || env['AWS_ENDPOINT_URL'];
  const region = env['AWS_REGION'];
  const profile = env['AWS_PROFILE'];
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  const sessionToken = env['AWS_SESSION_TOKEN'];
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(!profile && accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } } : {}),
  };
}
