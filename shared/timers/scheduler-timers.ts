import { createHash } from 'node:crypto';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { EventBus } from '../bus/event-bus';
import { EVENT_SOURCE } from '../events/catalogue';
import type { Clock } from '../clock/clock';
import { timerFiredEvent } from './timer-fired-event';
import type { Timer, Timers } from './timers';

export interface SchedulerTimersOptions {
  groupName: string;
  /** The role EventBridge Scheduler assumes to put the event on the bus. */
  roleArn: string;
  busArn: string;
  /** Where Scheduler puts a timer it could not deliver after its retries, so that none is lost. */
  deadLetterArn?: string;
  /** Publishes timers that are already due (Scheduler only takes times in the future). */
  bus: EventBus;
  clock: Clock;
  client?: SchedulerClient;
}

/** Schedules must fire at least this far ahead; anything sooner is published at once. */
const MIN_LEAD_MS = 60_000;

/**
 * Timers as EventBridge Scheduler one-time schedules (`at(…)`, deleted after they ran) whose target puts
 * `timer.fired` on the bus. Schedule names are derived from timer ids, so scheduling is idempotent and
 * cancelling needs only the id.
 */
export class SchedulerTimers implements Timers {
  private readonly client: SchedulerClient;

  constructor(private readonly options: SchedulerTimersOptions) {
    this.client = options.client ?? new SchedulerClient({});
  }

  async schedule(timer: Timer): Promise<void> {
    const event = timerFiredEvent(timer);
    if (timer.dueAt.getTime() - this.options.clock.now().getTime() < MIN_LEAD_MS) {
      await this.options.bus.publish([event]);
      return;
    }
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: scheduleName(timer.id),
          GroupName: this.options.groupName,
          Description: timer.id,
          ScheduleExpression: `at(${timer.dueAt.toISOString().slice(0, 19)})`,
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.options.busArn,
            RoleArn: this.options.roleArn,
            EventBridgeParameters: { Source: EVENT_SOURCE, DetailType: 'timer.fired' },
            Input: JSON.stringify(event.detail),
            RetryPolicy: { MaximumEventAgeInSeconds: 3_600, MaximumRetryAttempts: 10 },
            ...(this.options.deadLetterArn === undefined ? {} : { DeadLetterConfig: { Arn: this.options.deadLetterArn } }),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error; // already scheduled
    }
  }

  async cancel(id: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: scheduleName(id), GroupName: this.options.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error; // fired already, or never scheduled
    }
  }

  async list(limit = 100): Promise<Timer[]> {
    const { Schedules: schedules = [] } = await this.client.send(new ListSchedulesCommand({ GroupName: this.options.groupName, MaxResults: Math.min(limit, 100) }));
    const timers = await Promise.all(
      schedules.map(async ({ Name: name }) => {
        const schedule = await this.client.send(new GetScheduleCommand({ Name: name, GroupName: this.options.groupName }));
        const detail = JSON.parse(schedule.Target?.Input ?? '{}') as { timerId: string; automation: string; kind: string; subject: string; dueAt: string };
        return { id: detail.timerId, automation: detail.automation, kind: detail.kind, subject: detail.subject, dueAt: new Date(detail.dueAt) };
      }),
    );
    return timers.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }
}

/** Scheduler names allow 64 characters of [0-9a-zA-Z-_.]: a digest of the timer id. */
export function scheduleName(timerId: string): string {
  return `sb-${createHash('sha256').update(timerId).digest('hex').slice(0, 40)}`;
}
