import { describe, expect, it } from 'vitest';
import { LocalBus } from '../../../infra/local/local-bus';
import { defineAutomation, type Automation } from '../../../shared/automation/automation';
import type { DomainEvent } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { createLogger } from '../../../shared/log/logger';
import { ProviderError } from '../../../shared/providers/provider-error';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';
import { captureLogs } from '../../support/log-capture';

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

  it('has stored the event when publish resolves, and takes it out of the pending list once delivered', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const gate = deferred();
    const bus = busOver(table, [recorder('messages', [{ detailType: 'slack.message.posted' }])], () => gate.promise);

    await bus.publish([message('Ev1')]);
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(1);

    gate.resolve();
    await bus.drain();
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
  });

  it('accepts a delivery once: the same delivery id again is a duplicate, and its events run once', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    const bus = busOver(table, [messages], (automation, event) => automation.handle(event, undefined as never));

    const first = await bus.accept({ provider: 'slack', id: 'Ev1' }, [message('Ev1')]);
    await bus.drain();
    const again = await bus.accept({ provider: 'slack', id: 'Ev1' }, [message('Ev1')]);
    await bus.drain();

    expect([first, again]).toEqual(['accepted', 'duplicate']);
    expect(messages.seen).toEqual(['Ev1']);
  });

  it('costs one store write before the ack and one after the runs', async () => {
    const table = countingWrites(await createTestTable(new ManualClock('2026-11-23T04:00:00Z')));
    const gate = deferred();
    const bus = busOver(table, [recorder('messages', [{ detailType: 'slack.message.posted' }])], () => gate.promise);

    await bus.accept({ provider: 'slack', id: 'Ev1' }, [message('Ev1')]);
    const beforeTheRuns = table.writes;
    gate.resolve();
    await bus.drain();

    expect(beforeTheRuns).toBe(1);
    expect(table.writes).toBe(2);
  });

  it('accepts the same event twice but delivers it once while it is pending', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    const gate = deferred();
    const bus = busOver(table, [messages], async (automation, event) => {
      await gate.promise;
      await automation.handle(event, undefined as never);
    });
    await bus.publish([message('Ev1')]);
    await bus.publish([message('Ev1')]);
    gate.resolve();
    await bus.drain();
    expect(messages.seen).toEqual(['Ev1']);
  });

  it('dispatches an event once when it finishes while a recovery is reading the pending list', async () => {
    const clock = new ManualClock('2026-11-23T04:00:00Z');
    const table = gatedQueries(await createTestTable(clock));
    const messages = recorder('messages', [{ detailType: 'slack.message.posted' }]);
    const run = deferred();
    const bus = busOver(table, [messages], async (automation, event) => {
      await run.promise;
      await automation.handle(event, undefined as never);
    });
    await bus.publish([message('Ev1')]);

    // The poller's read sees Ev1 pending; Ev1 then finishes before the read's answer is used.
    table.holdQueries();
    const recovery = bus.recover();
    await table.queryStarted;
    run.resolve();
    await bus.drain();
    table.releaseQueries();

    expect(await recovery).toBe(0);
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
    const failed = await bus.failures.list();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ automation: 'flaky', attempts: 3, error: 'provider down', event: { detail: { eventId: 'Ev1' } } });
    expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
  });

  it('logs the retries at WARN, and at ERROR only the delivery whose retries ran out (it needs a person)', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const capture = captureLogs();
    try {
      const bus = new LocalBus(
        table,
        [recorder('flaky', [{ detailType: 'slack.message.posted' }])],
        async () => {
          throw new Error('provider down');
        },
        new ManualClock('2026-11-23T04:00:00Z'),
        createLogger({ level: 'INFO', runtime: 'local' }),
        { retryDelaysMs: [5, 5], concurrency: 8 },
      );
      await bus.publish([message('Ev1')]);
      await bus.drain();
    } finally {
      capture.restore();
    }
    const levels = capture.lines().map((line) => [line['level'], line['message']]);
    expect(levels).toEqual([
      ['WARN', 'delivery failed; retrying'],
      ['WARN', 'delivery failed; retrying'],
      ['ERROR', 'delivery failed after its retries'],
    ]);
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
    expect(await bus.failures.list()).toEqual([]);
  });

  it('lets other deliveries run while a failed one waits for its retry', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const seen: string[] = [];
    let failedOnce = false;
    const bus = busOver(
      table,
      [recorder('messages', [{ detailType: 'slack.message.posted' }])],
      async (_automation, event) => {
        if (event.detail.eventId === 'Ev1' && !failedOnce) {
          failedOnce = true;
          throw new Error('once');
        }
        seen.push(event.detail.eventId);
      },
      { retryDelaysMs: [50], concurrency: 1 },
    );
    await bus.publish([message('Ev1'), message('Ev2')]);
    await bus.drain();

    // With one slot, Ev2 ran while Ev1 waited for its retry instead of behind it.
    expect(seen).toEqual(['Ev2', 'Ev1']);
  });

  describe("a provider's rate limit", () => {
    const T0 = '2026-11-23T04:00:00.000Z';
    const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1_000).toISOString();

    /** A run that failed on a rate limit, as runAutomation rejects: the provider's error as its cause. */
    function rateLimited(retryAfterSeconds: number): Error {
      const limit = new ProviderError('github', 'issues/remove-label', true, 'HTTP 403 "You have exceeded a secondary rate limit."', { status: 403, retryAfterSeconds });
      return new Error('run github-labels:Ev1 failed and will be retried', { cause: limit });
    }

    /** A bus whose deliveries fail as `failures` says for each attempt (then succeed), noting when each attempt ran. */
    async function busFailing(clock: ManualClock, failures: (attempt: number) => Error | undefined, options: { retryDelaysMs: number[]; rateLimitAllowanceMs?: number }) {
      const table = await createTestTable(clock);
      const attempts: string[] = [];
      const bus = new LocalBus(
        table,
        [recorder('github-labels', [{ detailType: 'slack.message.posted' }])],
        async () => {
          attempts.push(clock.now().toISOString());
          const failure = failures(attempts.length);
          if (failure !== undefined) throw failure;
        },
        clock,
        log,
        { concurrency: 8, ...options },
      );
      return { bus, table, attempts };
    }

    it('tries again no sooner than the provider asked, by the runtime clock, however short its usual delay', async () => {
      const clock = new ManualClock(T0);
      const { bus, attempts } = await busFailing(clock, (attempt) => (attempt === 1 ? rateLimited(60) : undefined), { retryDelaysMs: [5, 5] });

      await bus.publish([message('Ev1')]);
      await until(() => bus.backlog.rateLimited === 1);
      clock.advance(59_000);
      const early = bus.retryDue();
      clock.advance(1_000);
      const due = bus.retryDue();
      await bus.drain();

      expect([early, due]).toEqual([0, 1]);
      expect(attempts).toEqual([at(0), at(60)]);
      expect(await bus.failures.list()).toEqual([]);
    });

    it('does not use up attempts on rate limits while their waits stay within the allowance', async () => {
      const clock = new ManualClock(T0);
      // Three attempts (two retry delays), and five rate limits in a row before the provider takes it.
      const { bus, attempts } = await busFailing(clock, (attempt) => (attempt <= 5 ? rateLimited(60) : undefined), { retryDelaysMs: [5, 5] });

      await bus.publish([message('Ev1')]);
      for (let wait = 1; wait <= 5; wait += 1) {
        await until(() => bus.backlog.rateLimited === 1);
        clock.advance(60_000);
        bus.retryDue();
      }
      await bus.drain();

      expect(attempts).toEqual([0, 60, 120, 180, 240, 300].map(at));
      expect(await bus.failures.list()).toEqual([]);
    });

    it('counts rate-limited retries as attempts once the waits exceed the allowance, then keeps the delivery in the failed list', async () => {
      const clock = new ManualClock(T0);
      const { bus, attempts, table } = await busFailing(clock, () => rateLimited(3_600), { retryDelaysMs: [5], rateLimitAllowanceMs: 2 * 3_600_000 });

      await bus.publish([message('Ev1')]);
      // Two hour-long waits fit the two hours; the third uses up the one retry; the fourth failure is the last.
      for (let wait = 1; wait <= 3; wait += 1) {
        await until(() => bus.backlog.rateLimited === 1);
        clock.advance(3_600_000);
        bus.retryDue();
      }
      await bus.drain();

      expect(attempts).toEqual([0, 3_600, 7_200, 10_800].map(at));
      const failed = await bus.failures.list();
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ automation: 'github-labels', attempts: 4, event: { detail: { eventId: 'Ev1' } } });
      expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(0);
    });

    it('waits a second at least when the provider names no wait', async () => {
      const clock = new ManualClock(T0);
      const { bus, attempts } = await busFailing(clock, (attempt) => (attempt === 1 ? rateLimited(0) : undefined), { retryDelaysMs: [] });

      await bus.publish([message('Ev1')]);
      await until(() => bus.backlog.rateLimited === 1);
      const early = bus.retryDue();
      clock.advance(1_000);
      bus.retryDue();
      await bus.drain();

      expect(early).toBe(0);
      expect(attempts).toEqual([at(0), at(1)]);
    });

    it('leaves a delivery waiting out a rate limit pending when it stops, for the next start', async () => {
      const clock = new ManualClock(T0);
      const { bus, table } = await busFailing(clock, () => rateLimited(60), { retryDelaysMs: [5, 5] });

      await bus.publish([message('Ev1')]);
      await until(() => bus.backlog.rateLimited === 1);
      await bus.stop();

      expect(bus.backlog.rateLimited).toBe(0);
      expect(await table.query({ partition: 'bus-pending', byTime: true })).toHaveLength(1);
      expect(await bus.failures.list()).toEqual([]);
    });
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

  it('runs no more deliveries at once than its concurrency, and the rest in order as slots free', async () => {
    const table = await createTestTable(new ManualClock('2026-11-23T04:00:00Z'));
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    const bus = busOver(
      table,
      [recorder('messages', [{ detailType: 'slack.message.posted' }])],
      async (_automation, event) => {
        started.push(event.detail.eventId);
        const gate = deferred();
        gates.set(event.detail.eventId, gate);
        await gate.promise;
      },
      { retryDelaysMs: [], concurrency: 3 },
    );
    await bus.publish(Array.from({ length: 6 }, (_, i) => message(`Ev${i}`)));
    await until(() => started.length === 3);
    await settle();

    // Held at the gates: three started, none of the others.
    expect(started).toEqual(['Ev0', 'Ev1', 'Ev2']);
    gates.get('Ev1')?.resolve();
    await until(() => started.length === 4);
    await settle();
    expect(started).toEqual(['Ev0', 'Ev1', 'Ev2', 'Ev3']);

    for (const id of ['Ev0', 'Ev2', 'Ev3']) gates.get(id)?.resolve();
    await until(() => started.length === 6);
    for (const gate of gates.values()) gate.resolve();
    await bus.drain();
    expect(started).toEqual(['Ev0', 'Ev1', 'Ev2', 'Ev3', 'Ev4', 'Ev5']);
  });
});

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets pending callbacks (setImmediate, promise continuations) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits for a condition that pending callbacks make true (no clock involved). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
}

/** The table, counting its writes. */
function countingWrites(table: Table): Table & { writes: number } {
  const counted = Object.assign(Object.create(table) as Table, { writes: 0 });
  for (const method of ['put', 'update', 'delete'] as const) {
    const original = table[method].bind(table) as (...args: unknown[]) => Promise<unknown>;
    (counted as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      counted.writes += 1;
      return original(...args);
    };
  }
  return counted;
}

/** The table, whose queries can be held after they read and before they answer. */
function gatedQueries(table: Table) {
  let hold: ReturnType<typeof deferred> | undefined;
  let started!: () => void;
  const gated = Object.assign(Object.create(table) as Table, {
    queryStarted: new Promise<void>((resolve) => (started = resolve)),
    holdQueries: () => {
      hold = deferred();
    },
    releaseQueries: () => hold?.resolve(),
  });
  gated.query = async (input) => {
    const items = await table.query(input);
    if (hold !== undefined) {
      started();
      await hold.promise;
    }
    return items as never;
  };
  return gated;
}
