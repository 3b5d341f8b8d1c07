import { App, Stack, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { automations } from '../../functions/registry';
import type { Automation } from '../../shared/automation/automation';
import type { Subscription } from '../../shared/bus/subscription';
import { readStackContext } from '../../infra/bin/read-stack-context';
import { AlarmTopic } from '../../infra/stack/alarm-topic';
import { AutomationWiring } from '../../infra/stack/automation-wiring';
import { JsonSecret } from '../../infra/stack/json-secret';
import { SwitchboardEventBus } from '../../infra/stack/event-bus';
import { StateTable } from '../../infra/stack/state-table';
import { STACK_OUTPUTS } from '../../infra/stack/stack-outputs';
import { TimerSchedules } from '../../infra/stack/timer-schedules';
import { SwitchboardStack, type SwitchboardStackProps } from '../../infra/stack/switchboard-stack';

type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown>; DependsOn?: string[] };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

let template: Template;
let nagReport: PolicyValidationPluginReport;

/**
 * Synthesises the stack with the AwsSolutions pack of the app (infra/bin), whose acknowledgements are written
 * into the template. The pack is run explicitly, not as a synthesis plugin, so that a finding fails its own
 * test instead of the synthesis every test needs.
 */
function synthesise(props: SwitchboardStackProps, options: { bundle: boolean }) {
  const app = new App(options.bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new SwitchboardStack(app, 'Switchboard', props);
  const checks = new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true });
  return { app, checks, template: Template.fromStack(stack) };
}

/** The stack as `cdk synth -c key=value` builds it (infra/bin), without bundling. */
function synthesiseWithContext(context: Record<string, string>): Template {
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(new SwitchboardStack(app, 'Switchboard', readStackContext(app.node)));
}

beforeAll(() => {
  // Bundled with the local esbuild, as on deploy: a bundling failure fails here.
  const synthesised = synthesise({ alarmEmail: 'ops@example.com', dryRunProviders: ['slack'], logLevel: 'DEBUG' }, { bundle: true });
  template = synthesised.template;
  nagReport = synthesised.checks.validateScope(synthesised.app);
}, 60_000);

const resources = (type: string): Record<string, Resource> => template.findResources(type) as Record<string, Resource>;

const only = <T>(record: Record<string, T>): [string, T] => {
  const entries = Object.entries(record);
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

/** The logical id behind `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attribute] }`. */
function referencedId(value: unknown): string {
  const reference = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = reference.Ref ?? reference['Fn::GetAtt']?.[0];
  if (id === undefined) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return id;
}

function statementsOfRole(roleId: string): Statement[] {
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties['Roles'] as unknown[]).some((role) => referencedId(role) === roleId))
    .flatMap((policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement);
}

const actionsOf = (statement: Statement): string[] => [statement.Action].flat();

function ingestFunctionId(): string {
  const [, route] = only(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: '$default' } }));
  const target = (route as Resource).Properties['Target'] as { 'Fn::Join': [string, unknown[]] };
  const integrationId = referencedId(target['Fn::Join'][1][1]);
  const integration = resources('AWS::ApiGatewayV2::Integration')[integrationId]!;
  return referencedId(integration.Properties['IntegrationUri']);
}

/** The rules of a subscription; several automations may declare the same one, so `automation` narrows to its own. */
function rulesFor(subscription: Subscription, automation?: string): Record<string, Resource> {
  const pattern = {
    source: ['switchboard'],
    'detail-type': [subscription.detailType],
    ...(subscription.detail === undefined ? {} : { detail: subscription.detail }),
  };
  const rules = template.findResources('AWS::Events::Rule', { Properties: { EventPattern: Match.exact(pattern) } }) as Record<string, Resource>;
  if (automation === undefined) return rules;
  return Object.fromEntries(Object.entries(rules).filter(([, rule]) => String(rule.Properties['Description']).startsWith(`${automation} on `)));
}

/** The function an automation runs in: the target of its rules. */
function functionIdOf(automation: Automation): string {
  const [, rule] = only(rulesFor(automation.subscriptions[0]!, automation.name));
  const [target] = rule.Properties['Targets'] as Target[];
  return referencedId(target!.Arn);
}

const automationNamed = (name: string): Automation => automations.find((automation) => automation.name === name)!;

const environmentOf = (functionId: string, from: Template = template): Record<string, unknown> =>
  ((from.findResources('AWS::Lambda::Function')[functionId] as Resource).Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;

const roleOf = (functionId: string): string => referencedId(resources('AWS::Lambda::Function')[functionId]!.Properties['Role']);

/** `Fn::Join` of strings and pseudo-parameters, as text: `arn:${AWS::Partition}:…`. */
function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join === undefined) return `\${${referencedId(value)}}`;
  return join[1].map(joined).join(join[0]);
}

const SCHEDULER_ENVIRONMENT = ['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'EVENT_BUS_ARN'];

/** The two secrets, found through the outputs that name them. */
const outputRef = (name: string): string => referencedId((template.toJSON()['Outputs'] as Record<string, { Value: unknown }>)[name]!.Value);
const credentialsSecretId = () => outputRef('SecretArn');
const webhookSecretId = () => outputRef('WebhookSecretArn');
/** Every secret a role may read. */
const secretsReadBy = (roleId: string): string[] =>
  statementsOfRole(roleId)
    .filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')))
    .map((statement) => referencedId(statement.Resource));

type Target = { Arn: unknown; RetryPolicy?: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number }; DeadLetterConfig?: { Arn: unknown } };

describe('the webhook edge', () => {
  it('runs ingest on nodejs22.x and arm64 behind the $default route of the HTTP API, payload format 2.0', () => {
    const functionId = ingestFunctionId();

    const ingest = resources('AWS::Lambda::Function')[functionId]!;
    expect(ingest.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 256, Handler: 'index.handler' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(Object.keys(resources('AWS::ApiGatewayV2::Route'))).toHaveLength(1);
  });

  it('logs access without query strings and throttles the stage', () => {
    const [, stage] = only(resources('AWS::ApiGatewayV2::Stage'));

    expect(stage.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const settings = stage.Properties['DefaultRouteSettings'] as { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    expect(settings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(settings.ThrottlingBurstLimit).toBeGreaterThan(0);
    const accessLog = stage.Properties['AccessLogSettings'] as { DestinationArn: unknown; Format: string };
    expect(resources('AWS::Logs::LogGroup')[referencedId(accessLog.DestinationArn)]).toBeDefined();
    expect(accessLog.Format).toContain('$context.requestId');
    expect(accessLog.Format).not.toMatch(/querystring|rawQueryString|\$context\.requestPath|header/i);
  });

  it('lets ingest get and put only its delivery ledger items, and get the configuration: no query, scan, update or delete', () => {
    const role = referencedId(resources('AWS::Lambda::Function')[ingestFunctionId()]!.Properties['Role']);

    const tableStatements = statementsOfRole(role).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

    expect(tableStatements).toHaveLength(2);
    const [ledger, configuration] = [...tableStatements].sort((a, b) => actionsOf(b).length - actionsOf(a).length) as [Statement, Statement];
    expect(actionsOf(ledger).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(ledger.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['delivery#*'] } });
    expect(actionsOf(configuration)).toEqual(['dynamodb:GetItem']);
    expect(configuration.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['config'] } });
  });

  it('lets ingest publish onto the bus and read the webhook signing secrets', () => {
    const role = referencedId(resources('AWS::Lambda::Function')[ingestFunctionId()]!.Properties['Role']);
    const [busId] = only(resources('AWS::Events::EventBus'));

    const statements = statementsOfRole(role);

    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: webhookSecretId() } }));
    expect(environmentOf(ingestFunctionId())['WEBHOOK_SECRET_ARN']).toEqual({ Ref: webhookSecretId() });
  });

  it('never lets ingest read the provider credentials: its role can read the webhook secret only', () => {
    const role = roleOf(ingestFunctionId());

    expect(secretsReadBy(role)).toEqual([webhookSecretId()]);
    expect(JSON.stringify(statementsOfRole(role))).not.toContain(credentialsSecretId());
    expect(environmentOf(ingestFunctionId())).not.toHaveProperty('SECRET_ARN');
  });
});

describe('the automations', () => {
  it.each(automations.map((automation) => [automation.name, automation] as const))(
    '%s: one rule per subscription, each delivering to its function with a retry policy and a dead-letter queue',
    (_name, automation) => {
      const targets = automation.subscriptions.map((subscription) => {
        const [, rule] = only(rulesFor(subscription, automation.name));
        const [target] = rule.Properties['Targets'] as Target[];
        return target!;
      });

      const functionIds = new Set(targets.map((target) => referencedId(target.Arn)));
      expect(functionIds.size).toBe(1);
      for (const target of targets) {
        expect(target.RetryPolicy?.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(target.RetryPolicy?.MaximumEventAgeInSeconds).toBeGreaterThan(0);
        expect(resources('AWS::SQS::Queue')[referencedId(target.DeadLetterConfig?.Arn)]).toBeDefined();
      }
    },
  );

  it('narrows the after-hours button clicks to its own buttons', () => {
    const rules = rulesFor({ detailType: 'slack.button.clicked', detail: { automation: ['after-hours'] } });

    expect(Object.keys(rules)).toHaveLength(1);
  });

  it('builds no rule that no subscription declares', () => {
    const declared = automations.reduce((count, automation) => count + automation.subscriptions.length, 0);

    expect(Object.keys(resources('AWS::Events::Rule'))).toHaveLength(declared);
  });

  it.each(automations.map((automation) => [automation.name, automation] as const))(
    '%s: a failed run is retried twice by Lambda, then lands in the same dead-letter queue as undeliverable events',
    (_name, automation) => {
      const [, rule] = only(rulesFor(automation.subscriptions[0]!, automation.name));
      const [target] = rule.Properties['Targets'] as Target[];
      const functionId = referencedId(target!.Arn);

      const [, config] = only(
        template.findResources('AWS::Lambda::EventInvokeConfig', { Properties: { FunctionName: { Ref: functionId } } }) as Record<string, Resource>,
      );

      expect(config.Properties['MaximumRetryAttempts']).toBe(2);
      const onFailure = (config.Properties['DestinationConfig'] as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
      expect(referencedId(onFailure)).toBe(referencedId(target!.DeadLetterConfig?.Arn));
    },
  );

  it('runs each automation on nodejs22.x and arm64 with the common environment', () => {
    const ingestId = ingestFunctionId();
    const [tableId] = only(resources('AWS::DynamoDB::Table'));

    const functions = Object.entries(resources('AWS::Lambda::Function')).filter(([id]) => id !== ingestId);

    expect(functions).toHaveLength(automations.length);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
      expect((fn.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        TABLE_NAME: { Ref: tableId },
        EVENT_BUS_NAME: { Ref: expect.any(String) },
        SECRET_ARN: { Ref: expect.any(String) },
        DRY_RUN_PROVIDERS: 'slack',
        LOG_LEVEL: 'DEBUG',
        POWERTOOLS_SERVICE_NAME: 'switchboard',
      });
    }
  });

  it('lets automations query the byTime index by name, never scan or batch', () => {
    const ingestId = ingestFunctionId();
    const automationRoles = Object.entries(resources('AWS::Lambda::Function'))
      .filter(([id]) => id !== ingestId)
      .map(([, fn]) => referencedId(fn.Properties['Role']));

    for (const role of automationRoles) {
      const table = statementsOfRole(role).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      const actions = table.flatMap(actionsOf);
      expect(actions).toContain('dynamodb:Query');
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((action) => action.includes('Batch'))).toEqual([]);
      expect(JSON.stringify(table.map((statement) => statement.Resource))).toContain('/index/byTime');
    }
  });
});

describe('the dead-letter queues', () => {
  it('are each watched by an alarm on visible messages that notifies the alarm topic', () => {
    const [topicId] = only(resources('AWS::SNS::Topic'));
    const queueIds = Object.keys(resources('AWS::SQS::Queue'));
    expect(queueIds.length).toBeGreaterThanOrEqual(automations.length);

    for (const queueId of queueIds) {
      const alarms = template.findResources('AWS::CloudWatch::Alarm', {
        Properties: {
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
          ComparisonOperator: 'GreaterThanThreshold',
          Threshold: 0,
          AlarmActions: [{ Ref: topicId }],
        },
      });
      expect(Object.keys(alarms)).toHaveLength(1);
    }
  });

  it("tell the admin in the alarm's description the command that lists and redrives what they hold, the timers' too", () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/SQS' } }));
    expect(alarms.length).toBe(Object.keys(resources('AWS::SQS::Queue')).length);
    for (const alarm of alarms) {
      expect(alarm.Properties['AlarmDescription']).toContain('Run: switchboard --stack Switchboard deliveries list (then fix the cause and: deliveries redrive ID, or --all)');
    }
    expect(alarms.map((alarm) => alarm.Properties['AlarmDescription'])).toContainEqual(expect.stringContaining('Failed timers that Scheduler could not deliver'));
  });

  it('keep messages 14 days, encrypted, over TLS only', () => {
    for (const [queueId, queue] of Object.entries(resources('AWS::SQS::Queue'))) {
      expect(queue.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    }
  });

  it('e-mail the alarm address, over a topic that refuses plain-text publishing', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
  });
});

describe('the state', () => {
  it('is one on-demand table with point-in-time recovery, TTL on expiresAt and the byTime index, kept on deletion', () => {
    const [, table] = only(template.findResources('AWS::DynamoDB::Table') as Record<string, Resource & { DeletionPolicy?: string }>);

    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byTime',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has a bus named switchboard with an archive of every switchboard event', () => {
    const [busId] = only(resources('AWS::Events::EventBus'));

    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'switchboard' });
    template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      EventPattern: { source: ['switchboard'] },
      RetentionDays: Match.anyValue(),
    });
  });

  it('has two secrets, the provider credentials and the webhook signing secrets, created as empty JSON objects: no credential in the template', () => {
    const secrets = resources('AWS::SecretsManager::Secret');

    expect(Object.keys(secrets).sort()).toEqual([credentialsSecretId(), webhookSecretId()].sort());
    for (const secret of Object.values(secrets)) expect(JSON.parse(secret.Properties['SecretString'] as string)).toEqual({});
  });

  it.each(automations.map((automation) => [automation.name, automation] as const))('%s reads the provider credentials, never the webhook signing secrets', (_name, automation) => {
    const functionId = functionIdOf(automation);

    expect(secretsReadBy(roleOf(functionId))).toEqual([credentialsSecretId()]);
    expect(environmentOf(functionId)['SECRET_ARN']).toEqual({ Ref: credentialsSecretId() });
    expect(environmentOf(functionId)).not.toHaveProperty('WEBHOOK_SECRET_ARN');
  });

  it('outputs exactly what the CLI reads', () => {
    const outputs = template.toJSON()['Outputs'] as Record<string, unknown>;

    expect(Object.keys(outputs).sort()).toEqual(Object.values(STACK_OUTPUTS).sort());
    expect(Object.keys(outputs).sort()).toEqual([
      'AutomationFunctions',
      'DeadLetterQueues',
      'DryRunProviders',
      'EventBusArn',
      'EventBusName',
      'ScheduleGroupName',
      'SchedulerRoleArn',
      'SecretArn',
      'TableName',
      'TimersDeadLetterQueue',
      'WebhookBaseUrl',
      'WebhookSecretArn',
    ]);
  });

  it('outputs the providers it keeps in dry-run, for the console (none by default)', () => {
    const output = (built: Template) => (built.toJSON()['Outputs'] as Record<string, { Value: unknown }>)[STACK_OUTPUTS.dryRunProviders]!.Value;

    expect(output(template)).toBe('["slack"]');
    expect(output(synthesiseWithContext({}))).toBe('[]');
    expect(output(synthesiseWithContext({ dryRunProviders: 'slack,twilio' }))).toBe('["slack","twilio"]');
  });

  it('outputs the resources the functions are told about', () => {
    const outputs = template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
    const [busId] = only(resources('AWS::Events::EventBus'));
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));
    const paging = environmentOf(functionIdOf(automationNamed('paging')));

    expect(outputs[STACK_OUTPUTS.busArn]!.Value).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    expect(outputs[STACK_OUTPUTS.scheduleGroup]!.Value).toEqual(group.Properties['Name']);
    expect(outputs[STACK_OUTPUTS.schedulerRoleArn]!.Value).toEqual(paging['SCHEDULER_ROLE_ARN']);
    expect(outputs[STACK_OUTPUTS.apiUrl]!.Value).toEqual(environmentOf(ingestFunctionId())['PUBLIC_BASE_URL']);
  });
});

describe('the timers', () => {
  it('have their own EventBridge Scheduler group, removed with the stack whose bus its schedules target', () => {
    const [, group] = only(template.findResources('AWS::Scheduler::ScheduleGroup') as Record<string, Resource & { DeletionPolicy?: string }>);

    expect(group.Properties['Name']).toEqual(expect.any(String));
    expect(group.DeletionPolicy).toBe('Delete');
  });

  it('are put on the bus by a role that only EventBridge Scheduler may assume, for this account and this group', () => {
    const [groupId] = only(resources('AWS::Scheduler::ScheduleGroup'));
    const role = resources('AWS::IAM::Role')[referencedId(environmentOf(functionIdOf(automationNamed('paging')))['SCHEDULER_ROLE_ARN'])]!;

    expect(role.Properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] } } },
        },
      ],
    });
  });

  it('let that role do nothing but put events on the Switchboard bus, and dead-letter what it could not deliver', () => {
    const [busId] = only(resources('AWS::Events::EventBus'));
    const environment = environmentOf(functionIdOf(automationNamed('paging')));
    const roleId = referencedId(environment['SCHEDULER_ROLE_ARN']);
    const queueId = referencedId(environment['TIMERS_DEAD_LETTER_ARN']);
    const role = resources('AWS::IAM::Role')[roleId]!;

    expect(statementsOfRole(roleId)).toEqual([
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } },
      { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Resource: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    ]);
    expect(role.Properties['ManagedPolicyArns']).toBeUndefined();
    expect(role.Properties['Policies']).toBeUndefined();
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toEqual([]);
  });

  it('dead-letter a timer Scheduler could not deliver into a queue with an alarm', () => {
    const [topicId] = only(resources('AWS::SNS::Topic'));
    const queueId = referencedId(environmentOf(functionIdOf(automationNamed('paging')))['TIMERS_DEAD_LETTER_ARN']);

    expect(resources('AWS::SQS::Queue')[queueId]).toBeDefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      AlarmActions: [{ Ref: topicId }],
    });
  });
});

describe('the paging automation', () => {
  const paging = automationNamed('paging');

  it('declares that it sets timers', () => {
    expect(paging.usesTimers).toBe(true);
  });

  it('receives its own fired timers, and no other automation does', () => {
    const [, rule] = only(rulesFor({ detailType: 'timer.fired', detail: { automation: ['paging'] } }));
    const [target] = rule.Properties['Targets'] as Target[];

    expect(referencedId(target!.Arn)).toBe(functionIdOf(paging));
    expect(Object.keys(rulesFor({ detailType: 'timer.fired' }))).toEqual([]);
  });

  it.each(paging.subscriptions.map((subscription) => [[subscription.detailType, ...Object.values(subscription.detail ?? {}).flat()].join(' '), subscription] as const))(
    'has a rule for %s that runs the paging function',
    (_name, subscription) => {
      const [, rule] = only(rulesFor(subscription, paging.name));
      const [target] = rule.Properties['Targets'] as Target[];

      expect(referencedId(target!.Arn)).toBe(functionIdOf(paging));
    },
  );

  it('is told the schedule group, the scheduler role, the bus ARN and the public base URL', () => {
    const [groupId, group] = only(resources('AWS::Scheduler::ScheduleGroup'));
    const [busId] = only(resources('AWS::Events::EventBus'));
    const [apiId] = only(resources('AWS::ApiGatewayV2::Api'));

    const environment = environmentOf(functionIdOf(paging));

    expect(environment['SCHEDULE_GROUP']).toBe(group.Properties['Name']);
    expect(resources('AWS::IAM::Role')[referencedId(environment['SCHEDULER_ROLE_ARN'])]).toBeDefined();
    expect(environment['EVENT_BUS_ARN']).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    expect(environment['PUBLIC_BASE_URL']).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
    // Deployed only once its schedule group exists.
    expect(resources('AWS::Lambda::Function')[functionIdOf(paging)]!.DependsOn).toContain(groupId);
  });

  it("may create and delete schedules of the timers' group only: no update, no read, no other group", () => {
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));

    const scheduling = statementsOfRole(roleOf(functionIdOf(paging))).filter((statement) => actionsOf(statement).some((action) => action.startsWith('scheduler:')));

    expect(scheduling).toHaveLength(1);
    expect(actionsOf(scheduling[0]!).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
    expect(joined(scheduling[0]!.Resource)).toBe(`arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/${group.Properties['Name'] as string}/*`);
    expect(scheduling[0]!.Condition).toBeUndefined();
  });

  it('may pass the scheduler role, and no other, to EventBridge Scheduler only', () => {
    const schedulerRole = environmentOf(functionIdOf(paging))['SCHEDULER_ROLE_ARN'];

    const passRole = statementsOfRole(roleOf(functionIdOf(paging))).filter((statement) => actionsOf(statement).some((action) => action.startsWith('iam:')));

    expect(passRole).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: schedulerRole,
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    ]);
  });
});

describe('the github-labels automation', () => {
  const githubLabels = automationNamed('github-labels');

  it.each(githubLabels.subscriptions.map((subscription) => [[subscription.detailType, ...Object.values(subscription.detail ?? {}).flat()].join(' '), subscription] as const))(
    'has a rule for %s that runs the github-labels function',
    (_name, subscription) => {
      const [, rule] = only(rulesFor(subscription));
      const [target] = rule.Properties['Targets'] as Target[];

      expect(referencedId(target!.Arn)).toBe(functionIdOf(githubLabels));
    },
  );

  it('sets timers (the investigation checks) in the timers group, and receives only its own', () => {
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));
    const environment = environmentOf(functionIdOf(githubLabels));

    const scheduling = statementsOfRole(roleOf(functionIdOf(githubLabels))).filter((statement) => actionsOf(statement).some((action) => action.startsWith('scheduler:')));

    expect(githubLabels.usesTimers).toBe(true);
    expect(environment['SCHEDULE_GROUP']).toBe(group.Properties['Name']);
    expect(actionsOf(scheduling[0]!).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
    expect(Object.keys(rulesFor({ detailType: 'timer.fired', detail: { automation: ['github-labels'] } }))).toHaveLength(1);
  });

  it('reads its GitHub credentials (GITHUB_TOKEN, or the GitHub App) from the credentials secret, and may publish codename.assigned', () => {
    const secretId = credentialsSecretId();
    const [busId] = only(resources('AWS::Events::EventBus'));

    const statements = statementsOfRole(roleOf(functionIdOf(githubLabels)));

    expect(environmentOf(functionIdOf(githubLabels))['SECRET_ARN']).toEqual({ Ref: secretId });
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: secretId } }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }));
  });

  it('calls api.github.com unless the context value githubApiUrl names a GitHub Enterprise Server', () => {
    const enterprise = synthesiseWithContext({ githubApiUrl: 'https://github.example.com/api/v3/' });
    const functionIds = Object.keys(enterprise.findResources('AWS::Lambda::Function'));

    expect(environmentOf(functionIdOf(githubLabels))).not.toHaveProperty('GITHUB_API_URL');
    const values = functionIds.map((id) => environmentOf(id, enterprise)['GITHUB_API_URL']);
    expect(values.filter((value) => value === 'https://github.example.com/api/v3')).toHaveLength(automations.length);
    expect(values.filter((value) => value === undefined)).toHaveLength(1); // ingest never calls GitHub
    expect(() => synthesiseWithContext({ githubApiUrl: 'http://github.example.com/api/v3' })).toThrow(/githubApiUrl .* must be an https URL/);
  });

  it("calls Salesforce at the token answer's instance_url unless the context value salesforceInstanceUrl names one", () => {
    const codenameSync = automationNamed('codename-sync');
    const pinned = synthesiseWithContext({ salesforceInstanceUrl: 'https://example.my.salesforce.com/' });
    const functionIds = Object.keys(pinned.findResources('AWS::Lambda::Function'));

    expect(environmentOf(functionIdOf(codenameSync))).not.toHaveProperty('SALESFORCE_INSTANCE_URL');
    expect(environmentOf(functionIdOf(codenameSync), pinned)['SALESFORCE_INSTANCE_URL']).toBe('https://example.my.salesforce.com');
    expect(functionIds.map((id) => environmentOf(id, pinned)['SALESFORCE_INSTANCE_URL']).filter((value) => value === undefined)).toHaveLength(1); // not ingest
    expect(() => synthesiseWithContext({ salesforceInstanceUrl: 'http://example.my.salesforce.com' })).toThrow(/salesforceInstanceUrl .* must be an https URL/);
  });

  it("counts the GitHub deliveries ingest acks without publishing, by event, from ingest's log", () => {
    const ingest = resources('AWS::Lambda::Function')[ingestFunctionId()]!;
    const logGroup = (ingest.Properties['LoggingConfig'] as { LogGroup: unknown }).LogGroup;

    const [, filter] = only(resources('AWS::Logs::MetricFilter'));

    expect(filter.Properties).toMatchObject({
      LogGroupName: logGroup,
      FilterPattern: '{ $.message = "GitHub event ignored" }',
      MetricTransformations: [{ MetricNamespace: 'Switchboard', MetricName: 'IgnoredGitHubEvents', MetricValue: '1', Dimensions: [{ Key: 'Event', Value: '$.githubEvent' }] }],
    });
  });
});

describe('the codename-sync automation', () => {
  const codenameSync = automationNamed('codename-sync');

  it.each(codenameSync.subscriptions.map((subscription) => [[subscription.detailType, ...Object.values(subscription.detail ?? {}).flat()].join(' '), subscription] as const))(
    'has a rule for %s that runs the codename-sync function',
    (_name, subscription) => {
      const [, rule] = only(rulesFor(subscription, codenameSync.name));
      const [target] = rule.Properties['Targets'] as Target[];

      expect(referencedId(target!.Arn)).toBe(functionIdOf(codenameSync));
    },
  );

  it("puts its daily reconciliation's timer.fired on the bus at 07:00 Pacific, through the timers' role, group and dead-letter queue", () => {
    const [busId] = only(resources('AWS::Events::EventBus'));
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));
    const paging = environmentOf(functionIdOf(automationNamed('paging')));

    const [, schedule] = only(resources('AWS::Scheduler::Schedule'));

    expect(schedule.Properties).toMatchObject({
      GroupName: group.Properties['Name'],
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'America/Los_Angeles',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
    const target = schedule.Properties['Target'] as { Arn: unknown; RoleArn: unknown; EventBridgeParameters: unknown; Input: string; DeadLetterConfig: { Arn: unknown }; RetryPolicy: unknown };
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    expect(target.RoleArn).toEqual(paging['SCHEDULER_ROLE_ARN']);
    expect(target.DeadLetterConfig.Arn).toEqual(paging['TIMERS_DEAD_LETTER_ARN']);
    expect(target.EventBridgeParameters).toEqual({ Source: 'switchboard', DetailType: 'timer.fired' });
    expect(JSON.parse(target.Input)).toEqual({
      eventId: 'timer:codename-sync:daily-reconciliation@<aws.scheduler.scheduled-time>',
      receivedAt: '<aws.scheduler.scheduled-time>',
      provider: 'switchboard',
      automation: 'codename-sync',
      timerId: 'codename-sync:daily-reconciliation@<aws.scheduler.scheduled-time>',
      kind: 'daily-reconciliation',
      subject: 'daily',
      dueAt: '<aws.scheduler.scheduled-time>',
    });
  });

  it('declares no timers of its own: it may neither create nor delete schedules', () => {
    const actions = statementsOfRole(roleOf(functionIdOf(codenameSync))).flatMap(actionsOf);

    expect(codenameSync.usesTimers).toBe(false);
    expect(actions.filter((action) => action.startsWith('scheduler:') || action.startsWith('iam:'))).toEqual([]);
  });

  it('reads the Salesforce and GitHub credentials from the provider credentials secret, and may publish the mirror requests', () => {
    const secretId = credentialsSecretId();
    const [busId] = only(resources('AWS::Events::EventBus'));

    const statements = statementsOfRole(roleOf(functionIdOf(codenameSync)));

    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: secretId } }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }));
  });
});

describe('the job-applications automation', () => {
  const jobApplications = automationNamed('job-applications');

  it.each(jobApplications.subscriptions.map((subscription) => [[subscription.detailType, ...Object.values(subscription.detail ?? {}).flat()].join(' '), subscription] as const))(
    'has a rule for %s that runs the job-applications function',
    (_name, subscription) => {
      const [, rule] = only(rulesFor(subscription));
      const [target] = rule.Properties['Targets'] as Target[];

      expect(referencedId(target!.Arn)).toBe(functionIdOf(jobApplications));
    },
  );

  it('sets its deadline timers in the timers\' group, and is told where they go', () => {
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));

    const environment = environmentOf(functionIdOf(jobApplications));
    const scheduling = statementsOfRole(roleOf(functionIdOf(jobApplications))).filter((statement) => actionsOf(statement).some((action) => action.startsWith('scheduler:')));

    expect(jobApplications.usesTimers).toBe(true);
    expect(environment['SCHEDULE_GROUP']).toBe(group.Properties['Name']);
    expect(actionsOf(scheduling[0]!).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
  });

  it('reads the credentials secret, where UNTHREAD_API_KEY lives', () => {
    const secretId = credentialsSecretId();

    const statements = statementsOfRole(roleOf(functionIdOf(jobApplications)));

    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: secretId } }));
  });
});

describe('the automations that set timers', () => {
  it('are after-hours (the overnight digest), paging, github-labels (investigation checks), job-applications (deadlines), customer-questions (the weekly summary) and first-response', () => {
    expect(automations.filter((automation) => automation.usesTimers === true).map((automation) => automation.name).sort()).toEqual(['after-hours', 'customer-questions', 'first-response', 'github-labels', 'job-applications', 'paging']);
  });

  it.each(automations.filter((automation) => automation.usesTimers === true).map((automation) => [automation.name, automation] as const))(
    '%s receives its own fired timers, may create and delete schedules, and is told where they go',
    (_name, automation) => {
      const functionId = functionIdOf(automation);
      const [, rule] = only(rulesFor({ detailType: 'timer.fired', detail: { automation: [automation.name] } }));
      const [target] = rule.Properties['Targets'] as Target[];

      const actions = statementsOfRole(roleOf(functionId)).flatMap(actionsOf);

      expect(referencedId(target!.Arn)).toBe(functionId);
      expect(actions).toEqual(expect.arrayContaining(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'iam:PassRole']));
      for (const name of SCHEDULER_ENVIRONMENT) expect(environmentOf(functionId), name).toHaveProperty(name);
    },
  );
});

describe('automations that set no timers', () => {
  it('may neither schedule nor pass a role, and are not told where timers go', () => {
    // Every automation of the registry sets timers today; one that does not is wired on its own here.
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'NoTimers');
    const events = new SwitchboardEventBus(stack, 'Events', { busName: 'switchboard' });
    const alarms = new AlarmTopic(stack, 'Alarms', { alarmEmail: undefined });
    const state = new StateTable(stack, 'State');
    const wiring = new AutomationWiring(stack, 'after-hours', {
      automation: { ...automationNamed('after-hours'), usesTimers: false },
      environment: { tableName: state.table.tableName, busName: events.bus.eventBusName, dryRunProviders: [], logLevel: 'INFO' },
      secret: new JsonSecret(stack, 'Credentials', { description: 'credentials' }).secret,
      table: state,
      bus: events.bus,
      alarmTopic: alarms.topic,
      timers: new TimerSchedules(stack, 'Timers', { bus: events.bus, alarmTopic: alarms.topic, stackName: 'NoTimers' }),
      stackName: 'NoTimers',
    });
    const small = Template.fromStack(stack);
    const functionId = stack.getLogicalId(wiring.function.function.node.defaultChild as import('aws-cdk-lib').CfnElement);

    const actions = Object.values(small.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((policy) => (policy.Properties['Roles'] as unknown[]).some((role) => referencedId(role) === referencedId((small.findResources('AWS::Lambda::Function')[functionId] as Resource).Properties['Role'])))
      .flatMap((policy) => (policy.Properties['PolicyDocument'] as { Statement: Statement[] }).Statement)
      .flatMap(actionsOf);

    expect(actions).toContain('dynamodb:PutItem');
    expect(actions.filter((action) => action.startsWith('scheduler:') || action.startsWith('iam:'))).toEqual([]);
    for (const name of SCHEDULER_ENVIRONMENT) expect(environmentOf(functionId, small), name).not.toHaveProperty(name);
  });

  it('ingest may neither schedule nor pass a role, and is not told where timers go', () => {
    const actions = statementsOfRole(roleOf(ingestFunctionId())).flatMap(actionsOf);

    expect(actions.filter((action) => action.startsWith('scheduler:') || action.startsWith('iam:'))).toEqual([]);
    for (const name of SCHEDULER_ENVIRONMENT) expect(environmentOf(ingestFunctionId()), name).not.toHaveProperty(name);
  });
});

describe('the public base URL', () => {
  it("is by default the HTTP API's own endpoint, for ingest and every automation, and the URL the CLI reads", () => {
    const [apiId] = only(resources('AWS::ApiGatewayV2::Api'));
    const functionIds = Object.keys(resources('AWS::Lambda::Function'));
    expect(functionIds).toHaveLength(automations.length + 1);

    for (const functionId of functionIds) expect(environmentOf(functionId)['PUBLIC_BASE_URL'], functionId).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
    const outputs = template.toJSON()['Outputs'] as Record<string, { Value: unknown }>;
    expect(outputs[STACK_OUTPUTS.apiUrl]!.Value).toEqual({ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] });
  });

  it('is exactly the context value publicBaseUrl when a custom domain is in front of the API', () => {
    const custom = synthesiseWithContext({ publicBaseUrl: 'https://hooks.example.com' });

    const functions = custom.findResources('AWS::Lambda::Function');

    expect(Object.keys(functions)).toHaveLength(automations.length + 1);
    for (const functionId of Object.keys(functions)) expect(environmentOf(functionId, custom)['PUBLIC_BASE_URL'], functionId).toBe('https://hooks.example.com');
    expect((custom.toJSON()['Outputs'] as Record<string, { Value: unknown }>)[STACK_OUTPUTS.apiUrl]!.Value).toBe('https://hooks.example.com');
  });

  it('loses a trailing slash, which would break every Twilio signature', () => {
    const custom = synthesiseWithContext({ publicBaseUrl: ' https://hooks.example.com/switchboard/ ' });

    custom.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_BASE_URL: 'https://hooks.example.com/switchboard' }) },
    });
  });

  it('refuses a value that is not an http(s) URL', () => {
    expect(() => synthesiseWithContext({ publicBaseUrl: 'hooks.example.com' })).toThrow(/publicBaseUrl "hooks.example.com" is not a URL/);
    expect(() => synthesiseWithContext({ publicBaseUrl: 'ftp://hooks.example.com' })).toThrow(/must be an http\(s\) URL/);
  });
});

describe('the template', () => {
  it('has no dependency cycle, although every function refers to the API whose integration refers to ingest', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new SwitchboardStack(app, 'Switchboard', {});

    // The assertions library refuses an undeployable template: "these resources have a dependency cycle".
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('stack settings', () => {
  it('names the bus, and subscribes nobody to the alarms, when told so', () => {
    const { template: other } = synthesise({ busName: 'switchboard-staging' }, { bundle: false });

    other.hasResourceProperties('AWS::Events::EventBus', { Name: 'switchboard-staging' });
    other.resourceCountIs('AWS::SNS::Subscription', 0);
    other.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ DRY_RUN_PROVIDERS: '', LOG_LEVEL: 'INFO' }) },
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding', () => {
    const findings = nagReport.violations.map((violation) => `${violation.ruleName} on ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`);

    expect(findings).toEqual([]);
    expect(nagReport.success).toBe(true);
  });

  it('acknowledges each rule with a written reason, on the one kind of resource it concerns', () => {
    const concerns: Record<string, string> = {
      'AwsSolutions-APIG4': 'AWS::ApiGatewayV2::Route',
      'AwsSolutions-IAM5': 'AWS::IAM::Policy',
      'AwsSolutions-L1': 'AWS::Lambda::Function',
      'AwsSolutions-SMG4': 'AWS::SecretsManager::Secret',
      'AwsSolutions-SQS3': 'AWS::SQS::Queue',
    };

    const acknowledgements = Object.values(template.toJSON()['Resources'] as Record<string, Resource>).flatMap((resource) => {
      const nag = resource.Metadata?.['cdk_nag'] as { rules_to_suppress: { id: string; reason: string }[] } | undefined;
      return (nag?.rules_to_suppress ?? []).map((rule) => ({ ...rule, type: resource.Type }));
    });

    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason, type } of acknowledgements) {
      expect(reason.length, id).toBeGreaterThanOrEqual(20);
      expect(type, id).toBe(concerns[id.replace(/\[.*$/, '')]);
    }
  });

  it("acknowledges wildcard permissions only for the timers' schedules, finding by finding", () => {
    const [, group] = only(resources('AWS::Scheduler::ScheduleGroup'));

    const wildcards = Object.values(resources('AWS::IAM::Policy')).flatMap((policy) => {
      const nag = policy.Metadata?.['cdk_nag'] as { rules_to_suppress: { id: string }[] } | undefined;
      return (nag?.rules_to_suppress ?? []).map((rule) => rule.id).filter((id) => id.startsWith('AwsSolutions-IAM5'));
    });

    // One acknowledgement per function that sets timers, each for the schedules of the group and nothing else.
    const schedules = `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${group.Properties['Name'] as string}/*]`;
    expect(wildcards).toEqual(automations.filter((automation) => automation.usesTimers === true).map(() => schedules));
  });
});
