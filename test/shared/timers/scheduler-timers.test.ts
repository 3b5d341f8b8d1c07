import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../../../shared/bus/event-bus';
import type { DomainEvent } from '../../../shared/events/catalogue';
import { scheduleName, SchedulerTimers } from '../../../shared/timers/scheduler-timers';
import { FakeSchedulerApi } from '../../support/fake-scheduler-api';
import { ManualClock } from '../../support/manual-clock';

const NOW = '2026-11-23T04:00:00.000Z';

describe('timers on EventBridge Scheduler (the AWS SDK client against a fake Scheduler API)', () => {
  let api: FakeSchedulerApi;
  let timers: SchedulerTimers;
  let published: DomainEvent[];
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    api = await FakeSchedulerApi.start();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.calls.length = 0;
    api.schedules.clear();
    published = [];
    const bus: EventBus = { publish: async (events) => void published.push(...events) };
    timers = new SchedulerTimers({
      groupName: 'switchboard-timers',
      roleArn: 'arn:aws:iam::123456789012:role/scheduler',
      busArn: 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard',
      deadLetterArn: 'arn:aws:sqs:us-east-1:123456789012:timers-dead-letters',
      bus,
      clock,
      client: new SchedulerClient({ endpoint: api.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
    });
  });

  const timer = { id: 'paging:INC-7K2M9Q:escalate:0', automation: 'paging', kind: 'escalate', subject: 'INC-7K2M9Q/0', dueAt: new Date('2026-11-23T04:05:00.000Z') };

  it('creates a one-time schedule that puts timer.fired on the bus and deletes itself', async () => {
    await timers.schedule(timer);

    expect(api.calls).toHaveLength(1);
    const call = api.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.path).toBe(`/schedules/${scheduleName(timer.id)}`);
    expect(call.body).toMatchObject({
      GroupName: 'switchboard-timers',
      ScheduleExpression: 'at(2026-11-23T04:05:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:events:us-east-1:123456789012:event-bus/switchboard',
        RoleArn: 'arn:aws:iam::123456789012:role/scheduler',
        EventBridgeParameters: { Source: 'switchboard', DetailType: 'timer.fired' },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:123456789012:timers-dead-letters' },
      },
    });
    const detail = JSON.parse(String((call.body?.['Target'] as { Input: string }).Input));
    expect(detail).toMatchObject({ eventId: `timer:${timer.id}@${timer.dueAt.toISOString()}`, provider: 'switchboard', automation: 'paging', timerId: timer.id, subject: 'INC-7K2M9Q/0' });
  });

  it('is idempotent: scheduling the same timer again is not an error and changes nothing', async () => {
    await timers.schedule(timer);
    await timers.schedule(timer);
    expect(api.schedules.size).toBe(1);
  });

  it('cancels by timer id, and a timer that already ran is not an error', async () => {
    await timers.schedule(timer);
    await timers.cancel(timer.id);
    expect(api.schedules.size).toBe(0);
    await expect(timers.cancel(timer.id)).resolves.toBeUndefined();
  });

  it('publishes a timer that is already due instead of scheduling it', async () => {
    await timers.schedule({ ...timer, dueAt: new Date(NOW) });
    expect(api.calls).toHaveLength(0);
    expect(published).toEqual([expect.objectContaining({ detailType: 'timer.fired', detail: expect.objectContaining({ timerId: timer.id }) })]);
  });

  it('names schedules within Scheduler limits (64 characters of [0-9a-zA-Z-_.])', () => {
    expect(scheduleName('x'.repeat(300))).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
    expect(scheduleName('a')).not.toBe(scheduleName('b'));
  });

  it('lists the pending timers from their schedules', async () => {
    await timers.schedule(timer);
    await timers.schedule({ ...timer, id: 'paging:INC-7K2M9Q:escalate:1', subject: 'INC-7K2M9Q/1', dueAt: new Date('2026-11-23T04:02:00.000Z') });
    const listed = await timers.list();
    expect(listed.map((t) => t.id)).toEqual(['paging:INC-7K2M9Q:escalate:1', 'paging:INC-7K2M9Q:escalate:0']);
  });
});
