import { Duration, Validations } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption, type CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** What ends up here, for the alarm's description (e.g. "after-hours events"). */
  holds: string;
  /** Where the alarm goes. */
  alarmTopic: ITopic;
  /** The command the alarm e-mail tells the admin to run. */
  whatToRun: string;
}

/**
 * A dead-letter queue nobody can forget: what the bus could not deliver or the function could not
 * process lands here, kept for the longest time SQS allows, and an alarm fires as soon as it is not empty
 * (SPEC §4 "Retries").
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue.node.defaultChild as CfnQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of EventBridge rule targets, Lambda on-failure, or Scheduler); a DLQ of a DLQ would only hide failed events one level further away from the alarm.',
    });

    const alarm = this.queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
      .createAlarm(this, 'NotEmpty', {
        alarmDescription: `Failed ${props.holds} are waiting in their dead-letter queue. Run: ${props.whatToRun}`,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    alarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
