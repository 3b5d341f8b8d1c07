import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { stackProviderModes } from '../admin/provider-modes';
import { StackOperations } from '../admin/stack-operations';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EventBridgeBus } from '../../shared/bus/event-bus-eventbridge';
import { systemClock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { readSecrets } from '../../shared/settings/secrets';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { SchedulerTimers } from '../../shared/timers/scheduler-timers';
import { STACK_OUTPUTS } from '../stack/stack-outputs';
import type { Target } from './target';

/** The deployed stack `stackName`, found through its CloudFormation outputs, with the admin's own AWS credentials. */
export async function openStackTarget(stackName: string, _env: Record<string, string | undefined>): Promise<Target> {
  const cloudFormation = new CloudFormationClient({});
  const { Stacks: stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = Object.fromEntries((stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const required = (key: string) => {
    const value = outputs[key];
    if (value === undefined) throw new Error(`stack ${stackName} has no output ${key}; was it deployed with this version of Switchboard?`);
    return value;
  };
  const table = new DynamoDbTable(createDocumentClient(), required(STACK_OUTPUTS.tableName), systemClock);
  const secretId = required(STACK_OUTPUTS.secretArn);
  const bus = new EventBridgeBus(required(STACK_OUTPUTS.busName));
  const baseUrl = required(STACK_OUTPUTS.apiUrl).replace(/\/$/, '');
  const jsonOutput = (key: string) => JSON.parse(required(key)) as Record<string, string>;
  const secrets = async () => {
    const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
    return readSecrets(JSON.parse(secret.SecretString ?? '{}') as Record<string, unknown>);
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
    }),
    operations: new StackOperations({
      lambda: new LambdaClient({}),
      sqs: new SQSClient({}),
      functions: jsonOutput(STACK_OUTPUTS.automationFunctions),
      deadLetterQueues: jsonOutput(STACK_OUTPUTS.deadLetterQueues),
    }),
    async providers() {
      const readable = await secrets().catch(() => undefined);
      return stackProviderModes(stackName, dryRunOutput === undefined ? undefined : (JSON.parse(dryRunOutput) as string[]), readable);
    },
    baseUrl,
    baseUrlKnown: true,
    publicBaseUrl: baseUrl,
    clock: systemClock,
    secrets,
    close: () => table.close(),
  };
}
