import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { automations } from '../../functions/registry';
import { AlarmTopic } from './alarm-topic';
import { AutomationWiring } from './automation-wiring';
import { CredentialsSecret } from './credentials-secret';
import { SwitchboardEventBus } from './event-bus';
import { STACK_OUTPUTS } from './stack-outputs';
import { StateTable } from './state-table';
import type { FunctionEnvironment } from './switchboard-function';
import { WebhookApi } from './webhook-api';

export interface SwitchboardStackProps extends StackProps {
  /** @default 'switchboard' */
  busName?: string | undefined;
  /** Providers kept in dry-run on this stack, e.g. a staging one. @default none: every provider is live */
  dryRunProviders?: readonly string[] | undefined;
  /** E-mailed when a dead-letter queue is not empty. @default no subscription */
  alarmEmail?: string | undefined;
  /** @default 'INFO' */
  logLevel?: string | undefined;
}

/**
 * Switchboard on AWS (SPEC §1, "Two ways to run"): the webhook API and ingest, the bus with its archive,
 * one function and its rules per automation of the registry, the table, the credentials secret, and
 * alarms on every dead-letter queue. The outputs are what `switchboard --stack NAME` reads.
 */
export class SwitchboardStack extends Stack {
  constructor(scope: Construct, id: string, props: SwitchboardStackProps = {}) {
    super(scope, id, props);
    const state = new StateTable(this, 'State');
    const events = new SwitchboardEventBus(this, 'Events', { busName: props.busName ?? 'switchboard' });
    const credentials = new CredentialsSecret(this, 'Credentials');
    const alarms = new AlarmTopic(this, 'Alarms', { alarmEmail: props.alarmEmail });
    const environment: FunctionEnvironment = {
      tableName: state.table.tableName,
      busName: events.bus.eventBusName,
      dryRunProviders: props.dryRunProviders ?? [],
      logLevel: props.logLevel ?? 'INFO',
    };
    const shared = { environment, secret: credentials.secret, table: state, bus: events.bus };

    const webhooks = new WebhookApi(this, 'Webhooks', shared);
    for (const automation of automations) {
      new AutomationWiring(this, automation.name, { ...shared, automation, alarmTopic: alarms.topic });
    }

    new CfnOutput(this, STACK_OUTPUTS.apiUrl, { value: webhooks.stage.url, description: 'Base URL of the webhook endpoints' });
    new CfnOutput(this, STACK_OUTPUTS.tableName, { value: state.table.tableName, description: 'The state table' });
    new CfnOutput(this, STACK_OUTPUTS.busName, { value: events.bus.eventBusName, description: 'The event bus' });
    new CfnOutput(this, STACK_OUTPUTS.secretArn, {
      value: credentials.secret.secretArn,
      description: 'The credentials secret: fill it with aws secretsmanager put-secret-value',
    });
  }
}
