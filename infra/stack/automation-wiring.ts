import { Duration } from 'aws-cdk-lib';
import { Rule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { Automation } from '../../shared/automation/automation';
import { toEventPattern, type Subscription } from '../../shared/bus/subscription';
import { DeadLetterQueue } from './dead-letter-queue';
import type { StateTable } from './state-table';
import { SwitchboardFunction, type FunctionEnvironment } from './switchboard-function';
import type { TimerSchedules } from './timer-schedules';

/**
 * How long an event may wait for delivery or a retry before it is dead-lettered instead: a page or an
 * after-hours answer hours late does more harm than a dead-lettered event an admin replays knowingly.
 */
const MAX_EVENT_AGE = Duration.hours(1);

/** EventBridge retries only failed deliveries (throttling, a missing permission), with backoff. */
const DELIVERY_RETRY_ATTEMPTS = 8;

/**
 * Lambda retries a failed asynchronous run twice, about one and then two minutes later (AWS documents the
 * waits; a function cannot choose them), then hands the event to the DLQ. A provider's rate limit that asks
 * for a longer wait than these give therefore ends in the DLQ, to be redriven after it (see
 * shared/aws/lambda-automation-handler.ts).
 */
const RUN_RETRY_ATTEMPTS = 2;

export interface AutomationWiringProps {
  automation: Automation;
  environment: FunctionEnvironment;
  /** The provider credentials: the only secret an automation reads (it verifies no webhook). */
  secret: ISecret;
  table: StateTable;
  bus: IEventBus;
  alarmTopic: ITopic;
  /** Used only by automations that declare `usesTimers`; the others get neither its permissions nor its environment. */
  timers: TimerSchedules;
  /** For the alarm's description: the command that lists what failed. */
  stackName: string;
}

/**
 * One automation on AWS (SPEC §1): its function (`functions/{name}/handler.ts`), one EventBridge rule per
 * subscription built from the very declarations the local runtime routes with, and one dead-letter queue
 * for everything it could not take: events the bus could not deliver, and runs that still failed after
 * Lambda's retries (EventBridge's retry policy only covers delivery, not the function's errors).
 * An automation that sets timers may also create and delete schedules in the timer group; one that
 * declares daily schedules gets them as recurring schedules of that group.
 */
export class AutomationWiring extends Construct {
  readonly function: SwitchboardFunction;
  readonly deadLetters: DeadLetterQueue;
  readonly rules: readonly Rule[];
  readonly automation: string;
  /** The automation's daily schedules (its `dailySchedules`), in the timers' group. */
  readonly dailySchedules: readonly CfnSchedule[];

  constructor(scope: Construct, id: string, props: AutomationWiringProps) {
    super(scope, id);
    const { automation } = props;
    this.automation = automation.name;
    this.function = new SwitchboardFunction(this, 'Handler', {
      entry: `functions/${automation.name}/handler.ts`,
      description: `Switchboard automation ${automation.name}`,
      // Provider calls may wait out a Slack or GitHub Retry-After before giving up.
      timeout: Duration.seconds(30),
      environment: automation.usesTimers === true ? { ...props.environment, timers: props.timers.environment } : props.environment,
      secret: { variable: 'SECRET_ARN', secret: props.secret },
    });
    props.table.grantItemReadWrite(this.function);
    props.bus.grantPutEventsTo(this.function); // follow-up events (e.g. codename.assigned), and timers already due
    if (automation.usesTimers === true) props.timers.grantScheduling(this.function);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: `${automation.name} events`,
      alarmTopic: props.alarmTopic,
      whatToRun: `switchboard --stack ${props.stackName} deliveries list (then fix the cause and: deliveries redrive ID, or --all)`,
    });
    this.function.function.configureAsyncInvoke({
      retryAttempts: RUN_RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetters.queue),
    });

    const target = new LambdaFunction(this.function.function, {
      deadLetterQueue: this.deadLetters.queue,
      retryAttempts: DELIVERY_RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
    });
    this.dailySchedules = (automation.dailySchedules ?? []).map((schedule, index) => props.timers.addDailySchedule(this, `Daily${index}`, automation.name, schedule));
    this.rules = automation.subscriptions.map(
      (subscription, index) =>
        new Rule(this, `Rule${index}`, {
          eventBus: props.bus,
          description: `${automation.name} on ${describe(subscription)}`,
          eventPattern: toEventPattern(subscription),
          targets: [target],
        }),
    );
  }
}

/** "slack.button.clicked automation=after-hours", for the rule's description in the console. */
function describe(subscription: Subscription): string {
  const filters = Object.entries(subscription.detail ?? {}).map(([field, values]) => `${field}=${values.join('|')}`);
  return [subscription.detailType, ...filters].join(' ');
}
