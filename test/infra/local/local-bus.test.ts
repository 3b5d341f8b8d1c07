import { describe, expect, it } from 'vitest';
import { LocalBus } from '../../../infra/local/local-bus';
import { defineAutomation, type Automation } from '../../../shared/automation/automation';
import type { DomainEvent } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { createLogger } from '../../../shared/log/logger';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

const log = createLogger({ level: 'SILENT', runtime: 'local' });

function message(eventId: string): DomainEvent {
  return sampleSlackMessageEvent({ eventId });
}

function click(eventId: string, automation: string): DomainEvent {
  return createEvent('slack.button.clicked', {
    eventId,
    receivedAt: '2026-11-23T04:00:00.000Z',
    provider: 'slack',
    automation,
    actionId: `${automation}:go`,
    value: '',
    user: 'U1',
    channel: 'C0ACMEPROD',
    messageTs: '1795406400.000200',
  });
}

function recorder(name: string, subscriptions: Automation['subscriptions']): Automation & { seen: string[] } {
  const seen: string[] = [];
  return Object.assign(defineAutomation({ name, description: name, subscriptions, handle: async (event) => void seen.push(event.detail.eventId) }), { seen });
}

function busOver(table: Table, automations: Automation[], deliver: (automation: Automation, event: DomainEvent) => Promise<unknown>, options = { retryDelaysMs: [5, 5], concurrency: 8 }) {
  return new LocalBus(table, automations, deliver, new ManualClock('2026-11-23T04:00:00Z'), log, options);
}

describe('the local bus', () => {
  it('delivers each event to every automation whose subscriptions match, and to no other', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    const alphaClicks = recorder('alpha', [{ detailType: 'slack.button.clicked', detail: { automation: ['alpha'] } }]);
    const betaClicks = recorder('beta', [{ detailType: 'slack.button.clicked', detail: { automation: ['beta'] } }]);
    const bus = busOver(table, [messages, alphaClicks, betaClicks], (automation, event) => automation.handle(event, undefined as never));

    await bus.publish([message('Ev1'), click('Ev2', 'alpha')]);
    await bus.drain();

    expect(messages.seen).toEqual(['Ev1']);
    expect(alphaClicks.seen).toEqual(['Ev2']);
    expect(betaClicks.seen).toEqual([]);
  });

  it('has stored the event when publish resolves, and clears it once delivered', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bus = busOver(table, [recorder('messages', [{ detailType: 'slack.message.posted' }])], () => gate);

    await bus.publish([message('Ev1')]);
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(1);

    release();
    await bus.drain();
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
  });

  it('accepts the same event twice but delivers it once while it is pending', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bus = busOver(table, [messages], async (automation, event) => {
      await gate;
      await automation.handle(event, undefined as never);
    });
    await bus.publish([message('Ev1')]);
    await bus.publish([message('Ev1')]);
    release();
    await bus.drain();
    expect(messages.seen).toEqual(['Ev1']);
  });

  it('refuses an event that does not match its schema', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const bus = busOver(table, [], async () => undefined);
    const bad = { detailType: 'slack.message.posted', detail: { eventId: 'Ev1' } } as unknown as DomainEvent;
    await expect(bus.publish([bad])).rejects.toThrow('invalid slack.message.posted detail');
  });

  it('retries a failing delivery with backoff, then keeps it in the failed list', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    let attempts = 0;
    const bus = busOver(table, [recorder('flaky', [{ detailType: 'slack.message.posted' }])], async () => {
      attempts += 1;
      throw new Error('provider down');
    });
    await bus.publish([message('Ev1')]);
    await bus.drain();

    expect(attempts).toBe(3);
    const failed = await bus.failedDeliveries();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ automation: 'flaky', attempts: 3, error: 'provider down', event: { detail: { eventId: 'Ev1' } } });
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
  });

  it('succeeds on a retry without recording a failure', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    let attempts = 0;
    const bus = busOver(table, [recorder('flaky', [{ detailType: 'slack.message.posted' }])], async () => {
      attempts += 1;
      if (attempts < 2) throw new Error('once');
    });
    await bus.publish([message('Ev1')]);
    await bus.drain();
    expect(attempts).toBe(2);
    expect(await bus.failedDeliveries()).toEqual([]);
  });

  it('delivers after a restart what a previous process accepted but did not finish', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const crashed = busOver(table, [recorder('messages', [{ detailType: 'slack.message.posted' }])], () => new Promise(() => undefined));
    await crashed.publish([message('Ev1'), message('Ev2')]);
    // The process dies here: its deliveries never finish.

    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    const restarted = busOver(table, [messages], (automation, event) => automation.handle(event, undefined as never));
    expect(await restarted.recover()).toBe(2);
    await restarted.drain();
    expect(messages.seen.sort()).toEqual(['Ev1', 'Ev2']);
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
  });

  it('runs no more deliveries at once than its concurrency', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    let running = 0;
    let most = 0;
    const bus = busOver(
      table,
      [recorder('messages', [{ detailType: 'slack.message.posted' }])],
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      },
      { retryDelaysMs: [], concurrency: 3 },
    );
    await bus.publish(Array.from({ length: 12 }, (_, i) => message(`Ev${i}`)));
    await bus.drain();
    expect(most).toBe(3);
  });
});
