import { App, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { automations } from '../../functions/registry';
import type { Subscription } from '../../shared/bus/subscription';
import { STACK_OUTPUTS } from '../../infra/stack/stack-outputs';
import { SwitchboardStack, type SwitchboardStackProps } from '../../infra/stack/switchboard-stack';

type Resource = { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
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

function rulesFor(subscription: Subscription): Record<string, Resource> {
  const pattern = {
    source: ['switchboard'],
    'detail-type': [subscription.detailType],
    ...(subscription.detail === undefined ? {} : { detail: subscription.detail }),
  };
  return template.findResources('AWS::Events::Rule', { Properties: { EventPattern: Match.exact(pattern) } }) as Record<string, Resource>;
}

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

  it('lets ingest get and put only its delivery ledger items: no query, scan or delete', () => {
    const role = referencedId(resources('AWS::Lambda::Function')[ingestFunctionId()]!.Properties['Role']);

    const tableStatements = statementsOfRole(role).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

    expect(tableStatements).toHaveLength(1);
    expect(actionsOf(tableStatements[0]!).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
    expect(tableStatements[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['delivery#*'] } });
  });

  it('lets ingest publish onto the bus and read the secret', () => {
    const role = referencedId(resources('AWS::Lambda::Function')[ingestFunctionId()]!.Properties['Role']);
    const [busId] = only(resources('AWS::Events::EventBus'));
    const [secretId] = only(resources('AWS::SecretsManager::Secret'));

    const statements = statementsOfRole(role);

    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: { Ref: secretId } }));
  });
});

describe('the automations', () => {
  it.each(automations.map((automation) => [automation.name, automation] as const))(
    '%s: one rule per subscription, each delivering to its function with a retry policy and a dead-letter queue',
    (_name, automation) => {
      const targets = automation.subscriptions.map((subscription) => {
        const [, rule] = only(rulesFor(subscription));
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
      const [, rule] = only(rulesFor(automation.subscriptions[0]!));
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

  it('has one secret, created as an empty JSON object: no credential in the template', () => {
    const [, secret] = only(resources('AWS::SecretsManager::Secret'));

    expect(JSON.parse(secret.Properties['SecretString'] as string)).toEqual({});
  });

  it('outputs exactly what the CLI reads', () => {
    const outputs = template.toJSON()['Outputs'] as Record<string, unknown>;

    expect(Object.keys(outputs).sort()).toEqual(Object.values(STACK_OUTPUTS).sort());
    expect(Object.keys(outputs).sort()).toEqual(['EventBusName', 'SecretArn', 'TableName', 'WebhookBaseUrl']);
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
      expect(type, id).toBe(concerns[id]);
    }
  });
});
