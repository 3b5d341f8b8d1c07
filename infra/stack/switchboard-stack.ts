import { CfnOutput, Stack, type CfnOutputProps, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { automations } from '../../functions/registry';
import { AlarmTopic } from './alarm-topic';
import { AutomationWiring } from './automation-wiring';
import { JsonSecret } from './json-secret';
import { SwitchboardEventBus } from './event-bus';
import { STACK_OUTPUTS } from './stack-outputs';
import { StateTable } from './state-table';
import type { FunctionEnvironment } from './switchboard-function';
import { TimerSchedules } from './timer-schedules';
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
  /**
   * The public URL of the webhooks when a custom domain is in front of the API, e.g. `https://hooks.example.com`:
   * Twilio signs the URL it posted to, and automations give Twilio status-callback URLs under it.
   * @default the HTTP API's own endpoint
   */
  publicBaseUrl?: string | undefined;
  /**
   * GitHub Enterprise Server's API, e.g. `https://github.example.com/api/v3`, for the automations that call GitHub.
   * @default https://api.github.com
   */
  githubApiUrl?: string | undefined;
  /**
   * Where the automations call Salesforce's REST API instead of the `instance_url` of the token answer
   * (a proxy, a pinned instance), e.g. `https://example.my.salesforce.com`.
   * @default the token answer's instance_url
   */
  salesforceInstanceUrl?: string | undefined;
}

/**
 * Switchboard on AWS (SPEC §1, "Two ways to run"): the webhook API and ingest, the bus with its archive,
 * one function and its rules per automation of the registry, the timers' schedule group, the table, the
 * two secrets (webhook signing secrets for ingest, provider credentials for the automations), and alarms
 * on every dead-letter queue. The outputs are what `switchboard --stack NAME` reads.
 */
export class SwitchboardStack extends Stack {
  constructor(scope: Construct, id: string, props: SwitchboardStackProps = {}) {
    super(scope, id, props);
    const state = new StateTable(this, 'State');
    const events = new SwitchboardEventBus(this, 'Events', { busName: props.busName ?? 'switchboard' });
    // Two secrets (SPEC §2): what verifies inbound webhooks, which ingest reads, apart from the provider
    // credentials, which the automations read. TWILIO_AUTH_TOKEN does both and goes in both.
    const credentials = new JsonSecret(this, 'Credentials', {
      description: 'Switchboard provider credentials (the automations read them): one JSON object keyed by the names of shared/settings/secrets.ts CREDENTIAL_NAMES',
    });
    const webhookSecret = new JsonSecret(this, 'WebhookSecrets', {
      description: 'Switchboard webhook signing secrets (only ingest reads them): one JSON object keyed by the names of shared/settings/secrets.ts WEBHOOK_SECRET_NAMES',
    });
    const alarms = new AlarmTopic(this, 'Alarms', { alarmEmail: props.alarmEmail });
    const environment: FunctionEnvironment = {
      tableName: state.table.tableName,
      busName: events.bus.eventBusName,
      dryRunProviders: props.dryRunProviders ?? [],
      logLevel: props.logLevel ?? 'INFO',
    };
    const githubApiUrl = props.githubApiUrl === undefined ? undefined : httpsUrl('githubApiUrl', props.githubApiUrl);
    const salesforceInstanceUrl = props.salesforceInstanceUrl === undefined ? undefined : httpsUrl('salesforceInstanceUrl', props.salesforceInstanceUrl);
    const shared = { environment, secret: credentials.secret, table: state, bus: events.bus };

    const webhooks = new WebhookApi(this, 'Webhooks', { ...shared, secret: webhookSecret.secret, publicBaseUrl: props.publicBaseUrl });
    const timers = new TimerSchedules(this, 'Timers', { bus: events.bus, alarmTopic: alarms.topic, stackName: this.stackName });
    const wirings = automations.map(
      (automation) =>
        new AutomationWiring(this, automation.name, {
        ...shared,
        environment: { ...environment, publicBaseUrl: webhooks.publicBaseUrl, githubApiUrl, salesforceInstanceUrl },
        automation,
        alarmTopic: alarms.topic,
        timers,
        stackName: this.stackName,
      }),
    );

    // Typed by STACK_OUTPUTS, so that an output the CLI reads cannot be forgotten.
    const outputs: Record<keyof typeof STACK_OUTPUTS, CfnOutputProps> = {
      apiUrl: { value: webhooks.publicBaseUrl, description: 'Base URL of the webhook endpoints (PUBLIC_BASE_URL)' },
      tableName: { value: state.table.tableName, description: 'The state table' },
      busName: { value: events.bus.eventBusName, description: 'The event bus' },
      busArn: { value: events.bus.eventBusArn, description: "The event bus's ARN: the timers' target" },
      secretArn: { value: credentials.secret.secretArn, description: 'The provider credentials secret (automations): fill it with aws secretsmanager put-secret-value' },
      webhookSecretArn: { value: webhookSecret.secret.secretArn, description: 'The webhook signing secrets (ingest): fill it with aws secretsmanager put-secret-value' },
      scheduleGroup: { value: timers.group.scheduleGroupName, description: "The EventBridge Scheduler group of the timers' schedules" },
      schedulerRoleArn: { value: timers.role.roleArn, description: 'The role EventBridge Scheduler assumes to put fired timers on the bus' },
      automationFunctions: {
        value: this.toJsonString(Object.fromEntries(wirings.map((wiring) => [wiring.automation, wiring.function.function.functionName]))),
        description: "Each automation's function (switchboard runs replay, deliveries redrive)",
      },
      deadLetterQueues: {
        value: this.toJsonString(Object.fromEntries(wirings.map((wiring) => [wiring.automation, wiring.deadLetters.queue.queueUrl]))),
        description: "Each automation's dead-letter queue (switchboard deliveries list)",
      },
      timersDeadLetterQueue: { value: timers.deadLetters.queue.queueUrl, description: 'The timers EventBridge Scheduler could not deliver (switchboard deliveries list)' },
      dryRunProviders: { value: JSON.stringify(environment.dryRunProviders), description: 'The providers this stack keeps in dry-run (switchboard console)' },
    };
    for (const key of Object.keys(outputs) as (keyof typeof STACK_OUTPUTS)[]) new CfnOutput(this, STACK_OUTPUTS[key], outputs[key]);
  }
}

/** An https URL without a trailing slash, or an error naming the setting. */
function httpsUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    throw new Error(`${setting} "${value}" is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:') throw new Error(`${setting} "${value}" must be an https URL`);
  return url.href.replace(/\/+$/, '');
}
