import { Aws, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Policy, PolicyStatement, Role, ServicePrincipal, type CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { CfnSchedule, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { DailySchedule } from '../../shared/automation/automation';
import { EVENT_SOURCE } from '../../shared/events/catalogue';
import { dailyCronExpression, scheduledDailyTimerDetail } from '../../shared/timers/daily-timer';
import { DeadLetterQueue } from './dead-letter-queue';
import type { SwitchboardFunction, TimersEnvironment } from './switchboard-function';

const SCHEDULER = 'scheduler.amazonaws.com';

export interface TimerSchedulesProps {
  /** Where fired timers go: the schedules' target, and all the scheduler role may touch. */
  bus: IEventBus;
  /** Where the alarm on timers that could not be delivered goes. */
  alarmTopic: ITopic;
  /** The stack's name, for the command the alarm names. */
  stackName: string;
}

/**
 * Timers on AWS (SPEC §1): one EventBridge Scheduler group for the one-time schedules that functions
 * create at run time (shared/timers/scheduler-timers.ts), and the role Scheduler assumes to put
 * `timer.fired` on the bus. The role is trusted only by Scheduler acting for this group in this account,
 * and may only publish onto the bus, and put a timer it could not deliver after its retries into a
 * dead-letter queue, whose alarm fires: an escalation or reminder is never lost silently.
 *
 * @example
 * const timers = new TimerSchedules(this, 'Timers', { bus, alarmTopic, stackName: this.stackName });
 * timers.grantScheduling(pagingFunction); // with environment.timers = timers.environment
 */
export class TimerSchedules extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;
  readonly deadLetters: DeadLetterQueue;
  /** What a function that sets timers is told (SCHEDULE_GROUP, SCHEDULER_ROLE_ARN, EVENT_BUS_ARN). */
  readonly environment: TimersEnvironment;
  private readonly busArn: string;

  constructor(scope: Construct, id: string, props: TimerSchedulesProps) {
    super(scope, id);
    // Pending schedules target this stack's bus: without the stack they have nowhere to go, and a
    // retained group would block re-creating the stack under the same generated name.
    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.DESTROY });

    this.role = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to put timer.fired events of Switchboard timers on the bus',
      assumedBy: new ServicePrincipal(SCHEDULER, {
        // Confused-deputy protection: only Scheduler running a schedule of this group, in this account.
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.group.scheduleGroupArn } },
      }),
    });
    props.bus.grantPutEventsTo(this.role);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      holds: 'timers that Scheduler could not deliver',
      alarmTopic: props.alarmTopic,
      whatToRun: `switchboard --stack ${props.stackName} deliveries list (then fix the cause and: deliveries redrive ID, or --all)`,
    });
    this.deadLetters.queue.grantSendMessages(this.role);

    this.busArn = props.bus.eventBusArn;
    this.environment = {
      scheduleGroupName: this.group.scheduleGroupName,
      schedulerRoleArn: this.role.roleArn,
      busArn: props.bus.eventBusArn,
      deadLetterArn: this.deadLetters.queue.queueArn,
    };
  }

  /**
   * A recurring schedule of the group that puts the automation's daily `timer.fired` on the bus at `at`
   * in `timeZone` (DST aware), through the scheduler role, retried and dead-lettered like every timer.
   * Each firing's event id carries its scheduled time, so a day's event is its own and a retry the same.
   */
  addDailySchedule(scope: Construct, id: string, automation: string, schedule: DailySchedule): CfnSchedule {
    return new CfnSchedule(scope, id, {
      groupName: this.group.scheduleGroupName,
      description: `Switchboard ${automation}: ${schedule.kind} every day at ${schedule.at} ${schedule.timeZone}`,
      scheduleExpression: dailyCronExpression(schedule.at),
      scheduleExpressionTimezone: schedule.timeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.busArn,
        roleArn: this.role.roleArn,
        eventBridgeParameters: { source: EVENT_SOURCE, detailType: 'timer.fired' },
        input: JSON.stringify(scheduledDailyTimerDetail(automation, schedule.kind)),
        retryPolicy: { maximumEventAgeInSeconds: 3_600, maximumRetryAttempts: 10 },
        deadLetterConfig: { arn: this.deadLetters.queue.queueArn },
      },
    });
  }

  /** Every schedule of the group; the names are only known at run time (digests of timer ids). */
  private get schedulesArnPattern(): string {
    return `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${this.group.scheduleGroupName}/*`;
  }

  /**
   * Lets a function set and cancel timers: create and delete schedules in this group only, and hand
   * them the scheduler role (to Scheduler only). Nothing else: no update, no reading or listing of
   * schedules (that is the admin CLI's, with its own credentials), no other role.
   */
  grantScheduling(fn: SwitchboardFunction): Policy {
    const policy = new Policy(fn, 'TimerScheduling', {
      roles: [fn.role],
      statements: [
        new PolicyStatement({
          sid: 'SetAndCancelTimers',
          actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
          resources: [this.schedulesArnPattern],
        }),
        new PolicyStatement({
          sid: 'HandTheSchedulerRoleToScheduler',
          actions: ['iam:PassRole'],
          resources: [this.role.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': SCHEDULER } },
        }),
      ],
    });
    // The function must not run before it may schedule, nor before its group exists.
    fn.function.node.addDependency(policy, this.group);
    Validations.of(policy.node.defaultChild as CfnPolicy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.group.scheduleGroupName}/*]`,
      reason:
        'Schedules are created at run time, one per timer, named by a digest of the timer id (shared/timers/scheduler-timers.ts), so no schedule ARN is known at deploy time; the wildcard covers only the schedules of Switchboard\'s own group, for create and delete only.',
    });
    return policy;
  }
}
