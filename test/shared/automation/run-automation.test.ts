import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineAutomation, type Automation, type AutomationContext } from '../../../shared/automation/automation';
import type { Platform } from '../../../shared/automation/platform';
import { ContendedRunError, RetryableRunError, runAutomation } from '../../../shared/automation/run-automation';
import type { EventBus } from '../../../shared/bus/event-bus';
import { ConfigStore } from '../../../shared/config/config-store';
import { parseConfig } from '../../../shared/config/parse-config';
import type { DomainEvent } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { EffectInProgressError, SideEffectLedger } from '../../../shared/idempotency/side-effect-ledger';
import { ConditionFailedError } from '../../../shared/store/store-errors';
import { captureLogs } from '../../support/log-capture';
import { createLogger } from '../../../shared/log/logger';
import { Outbox } from '../../../shared/providers/outbox';
import { ProviderError } from '../../../shared/providers/provider-error';
import { DryRunSlackMessenger } from '../../../shared/providers/slack/dry-run-slack-messenger';
import { RunStore } from '../../../shared/runs/run-store';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { DryRunSpreadsheet } from '../../../shared/providers/google-sheets/dry-run-spreadsheet';
import { DryRunSmsSender } from '../../../shared/providers/sms/dry-run-sms-sender';
import { DryRunGitHub } from '../../../shared/providers/github/dry-run-github';
import { DryRunSalesforce } from '../../../shared/providers/salesforce/dry-run-salesforce';
import { TableTimers } from '../../../shared/timers/table-timers';
import { DryRunUnthreadConversations } from '../../../shared/providers/unthread/dry-run-unthread-conversations';

const EXAMPLE_FILE = new URL('../../../switchboard.config.example.yaml', import.meta.url);
const example = parseConfig(readFileSync(EXAMPLE_FILE, 'utf8'), 'switchboard.config.example.yaml');
const NOW = '2026-11-22T20:00:00.000Z';
const DAY_MS = 86_400_000;

const message = sampleSlackMessageEvent({ receivedAt: '2026-11-22T19:59:59.000Z', ts: '1763841599.000100' });

/** The bus port, collecting what handlers publish. */
class CollectingBus implements EventBus {
  readonly published: DomainEvent[] = [];
  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.published.push(...events);
  }
}

function automationThat(handle: (event: DomainEvent, context: AutomationContext) => Promise<void>): Automation {
  return defineAutomation({ name: 'test-automation', description: 'a handler under test', subscriptions: [{ detailType: 'slack.message.posted' }], handle });
}

describe('run automation', () => {
  let clock: ManualClock;
  let bus: CollectingBus;
  let platform: Platform;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    const table = await createTestTable(clock);
    const outbox = new Outbox(table, clock);
    bus = new CollectingBus();
    platform = {
      clock,
      table,
      configs: new ConfigStore(table, clock, { cacheMs: 0 }),
      runs: new RunStore(table, clock),
      ledger: new SideEffectLedger(table, clock),
      outbox,
      bus,
      timers: new TableTimers(table),
      slack: new DryRunSlackMessenger(outbox, clock),
      sms: new DryRunSmsSender(outbox, '+15555550100'),
      unthread: new DryRunUnthreadConversations(outbox),
      sheets: new DryRunSpreadsheet(outbox),
      github: new DryRunGitHub(outbox),
      salesforce: new DryRunSalesforce(outbox),
      publicBaseUrl: undefined,
      log: createLogger({ level: 'SILENT', runtime: 'local' }),
    };
    await platform.configs.apply(example, { source: 'switchboard.config.example.yaml' });
  });

  it('records and saves a run whose handler succeeds', async () => {
    const automation = automationThat(async (_event, { run }) => {
      run.check('designated customer channel', undefined);
      await run.step('post notice', async () => ({ detail: 'posted' }));
    });

    const record = await runAutomation(automation, message, platform);

    expect(record).toMatchObject({ runId: 'test-automation:Ev0MESSAGE1', status: 'succeeded', attempts: 1 });
    expect(await platform.runs.get('test-automation:Ev0MESSAGE1')).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      steps: [
        { name: 'designated customer channel', outcome: 'passed' },
        { name: 'post notice', outcome: 'done', detail: 'posted' },
      ],
    });
  });

  it('hands the handler the config in force, the clock and the ports', async () => {
    let seen: AutomationContext | undefined;
    const automation = automationThat(async (_event, context) => {
      seen = context;
    });

    await runAutomation(automation, message, platform);

    expect(seen?.config).toEqual(example);
    expect(seen?.clock).toBe(clock);
    expect(seen?.slack).toBe(platform.slack);
  });

  it('records a filtered run, which is not a failure', async () => {
    const automation = automationThat(async (_event, { run }) => {
      run.check('outside business hours', 'posted during business hours');
    });

    const record = await runAutomation(automation, message, platform);

    expect(record.status).toBe('filtered');
    expect(record.error).toBeUndefined();
  });

  it('rejects with RetryableRunError and saves a failed, transient run when a provider fails transiently', async () => {
    const failure = new ProviderError('slack', 'chat.postMessage', true, 'HTTP 503', { status: 503 });
    const automation = automationThat(async (_event, { run }) => {
      await run.step('post notice', async () => {
        throw failure;
      });
    });

    const attempt = runAutomation(automation, message, platform);

    await expect(attempt).rejects.toBeInstanceOf(RetryableRunError);
    const error = (await attempt.catch((e: unknown) => e)) as RetryableRunError;
    expect(error.cause).toBe(failure);
    expect(error.run).toMatchObject({ status: 'failed', error: { transient: true } });
    expect(await platform.runs.get('test-automation:Ev0MESSAGE1')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { name: 'ProviderError', message: 'slack chat.postMessage failed: HTTP 503', transient: true },
      steps: [{ name: 'post notice', outcome: 'failed' }],
    });
  });

  it('rejects with ContendedRunError when another attempt holds its work or won a race, and only then', async () => {
    const failingWith = (failure: Error) =>
      runAutomation(
        automationThat(async () => {
          throw failure;
        }),
        message,
        platform,
      ).catch((error: unknown) => error);

    const inProgress = await failingWith(new EffectInProgressError('after-hours.emergency:C1:1.2'));
    const lostRace = await failingWith(new ConditionFailedError('lost the race'));
    const providerDown = await failingWith(new ProviderError('slack', 'chat.postMessage', true, 'HTTP 503', { status: 503 }));

    expect(inProgress).toBeInstanceOf(ContendedRunError);
    expect(inProgress).toBeInstanceOf(RetryableRunError);
    expect(lostRace).toBeInstanceOf(ContendedRunError);
    expect(providerDown).toBeInstanceOf(RetryableRunError);
    expect(providerDown).not.toBeInstanceOf(ContendedRunError);
  });

  it('resolves with a failed, permanent run when a provider fails permanently', async () => {
    const automation = automationThat(async () => {
      throw new ProviderError('slack', 'chat.postMessage', false, 'channel_not_found', { code: 'channel_not_found' });
    });

    const record = await runAutomation(automation, message, platform);

    expect(record).toMatchObject({ status: 'failed', error: { name: 'ProviderError', transient: false } });
    expect(await platform.runs.get(record.runId)).toMatchObject({ status: 'failed', error: { transient: false } });
  });

  it('fails without retrying when no configuration was ever applied', async () => {
    const clean = await createTestTable(clock);
    const unconfigured: Platform = { ...platform, table: clean, configs: new ConfigStore(clean, clock, { cacheMs: 0 }), runs: new RunStore(clean, clock) };
    let handled = false;
    const automation = automationThat(async () => {
      handled = true;
    });

    const record = await runAutomation(automation, message, unconfigured);

    expect(handled).toBe(false);
    expect(record).toMatchObject({ status: 'failed', error: { name: 'ConfigMissingError', transient: false } });
    expect(await unconfigured.runs.get(record.runId)).toMatchObject({ status: 'failed' });
  });

  it('counts a redelivery of the same event as another attempt of the same run', async () => {
    let calls = 0;
    const automation = automationThat(async () => {
      calls += 1;
      if (calls === 1) throw new ProviderError('slack', 'chat.postMessage', true, 'HTTP 503');
    });
    await runAutomation(automation, message, platform).catch(() => undefined);
    clock.advance(1_000);

    const retried = await runAutomation(automation, message, platform);

    expect(retried).toMatchObject({ runId: 'test-automation:Ev0MESSAGE1', attempts: 2, status: 'succeeded', startedAt: NOW });
  });

  it('performs a side effect once across retries of the same event, owned by the event', async () => {
    let posts = 0;
    let attempt = 0;
    const automation = automationThat(async (_event, { once, run }) => {
      attempt += 1;
      const outcome = await once('test.notice:C0ACMEPROD', async () => {
        posts += 1;
        return 'ts-1';
      });
      await run.step('after the post', async () => {
        if (attempt === 1) throw new ProviderError('slack', 'chat.update', true, 'HTTP 503');
        return { detail: `${outcome.performedBy} ${String(outcome.alreadyDone)}` };
      });
    });
    await expect(runAutomation(automation, message, platform)).rejects.toBeInstanceOf(RetryableRunError);

    const retried = await runAutomation(automation, message, platform);

    expect(posts).toBe(1);
    expect(retried.steps).toEqual([expect.objectContaining({ name: 'after the post', outcome: 'done', detail: 'Ev0MESSAGE1 true' })]);
  });

  it('keeps the key of every side effect on the run: done by this attempt, skipped when done before, failed', async () => {
    let attempt = 0;
    const automation = automationThat(async (_event, { once }) => {
      attempt += 1;
      await once('test.notice:C0ACMEPROD', async () => 'ts-1');
      await once('test.page:INC-1:0', async () => {
        if (attempt === 1) throw new ProviderError('twilio', 'messages.create', true, 'HTTP 503');
        return 'SM1';
      });
    });

    const first = await runAutomation(automation, message, platform).catch((error: RetryableRunError) => error.run);
    const retried = await runAutomation(automation, message, platform);

    expect(first.effects).toEqual([
      { key: 'test.notice:C0ACMEPROD', outcome: 'done' },
      { key: 'test.page:INC-1:0', outcome: 'failed' },
    ]);
    expect((await platform.runs.get(retried.runId))?.effects).toEqual([
      { key: 'test.notice:C0ACMEPROD', outcome: 'skipped' },
      { key: 'test.page:INC-1:0', outcome: 'done' },
    ]);
  });

  it('keeps no effects on a run that asked for none', async () => {
    const record = await runAutomation(automationThat(async () => undefined), message, platform);

    expect(record.effects).toBeUndefined();
  });

  it('publishes follow-up events onto the bus', async () => {
    const followUp = createEvent('codename.assigned', {
      eventId: 'codename:customer-acme',
      receivedAt: NOW,
      provider: 'switchboard',
      label: 'customer-acme',
      customerName: 'Acme Corp',
    });
    const automation = automationThat(async (_event, { publish }) => {
      await publish(followUp);
    });

    await runAutomation(automation, message, platform);

    expect(bus.published).toEqual([followUp]);
  });

  it('keeps the run for the retention days of the configuration', async () => {
    await platform.configs.apply({ ...example, runs: { retentionDays: 2 } }, { source: 'short retention' });
    const automation = automationThat(async () => undefined);
    const record = await runAutomation(automation, message, platform);

    clock.advance(2 * DAY_MS - 1_000);
    const within = await platform.runs.get(record.runId);
    clock.advance(1_000);
    const after = await platform.runs.get(record.runId);

    expect(within).toBeDefined();
    expect(after).toBeUndefined();
  });

  it('logs one line per run, with its steps by name and outcome and never their details; a line per step only at DEBUG', async () => {
    const automation = automationThat(async (_event, context) => {
      context.run.check('a customer writes', undefined, 'U0CUSTOMER1 wrote "my password is hunter2"');
      await context.run.step('post the notice', async () => ({ detail: 'replied to "my password is hunter2"' }));
    });
    const linesAt = async (level: 'INFO' | 'DEBUG') => {
      platform.log = createLogger({ level, runtime: 'local', format: 'json' });
      const capture = captureLogs();
      try {
        await runAutomation(automation, message, platform);
      } finally {
        capture.restore();
      }
      return { lines: capture.lines(), raw: capture.raw() };
    };

    const info = await linesAt('INFO');
    expect(info.lines.map((line) => line['message'])).toEqual(['run finished']);
    expect(info.lines[0]).toMatchObject({
      status: 'succeeded',
      decidedBy: 'post the notice',
      steps: [
        { step: 'a customer writes', outcome: 'passed', durationMs: expect.any(Number) },
        { step: 'post the notice', outcome: 'done', durationMs: expect.any(Number) },
      ],
    });
    expect(info.raw).not.toContain('hunter2');

    const debug = await linesAt('DEBUG');
    expect(debug.lines.filter((line) => line['message'] === 'step').map((line) => line['step'])).toEqual(['a customer writes', 'post the notice']);
  });

  describe('log levels: ERROR only for what needs a person', () => {
    async function levelOf(failure: Error): Promise<{ level: unknown; message: unknown }[]> {
      platform.log = createLogger({ level: 'INFO', runtime: 'local' });
      const capture = captureLogs();
      try {
        await runAutomation(
          automationThat(async () => {
            throw failure;
          }),
          message,
          platform,
        ).catch(() => undefined);
      } finally {
        capture.restore();
      }
      return capture.lines().filter((line) => String(line['message']).startsWith('run ')).map((line) => ({ level: line['level'], message: line['message'] }));
    }

    it('logs an effect in progress in another attempt (a double click) at INFO', async () => {
      expect(await levelOf(new EffectInProgressError('after-hours.emergency:C1:1.2'))).toEqual([{ level: 'INFO', message: 'run deferred: another attempt holds its work; it will be retried' }]);
    });

    it('logs a conditional write lost to another run at INFO', async () => {
      expect(await levelOf(new ConditionFailedError('lost the race'))).toEqual([{ level: 'INFO', message: 'run deferred: another attempt holds its work; it will be retried' }]);
    });

    it('logs a transient provider failure, which will be retried, at WARN', async () => {
      expect(await levelOf(new ProviderError('slack', 'chat.postMessage', true, 'HTTP 503', { status: 503 }))).toEqual([{ level: 'WARN', message: 'run failed; it will be retried' }]);
    });

    it('logs a run that failed for good at ERROR', async () => {
      expect(await levelOf(new ProviderError('slack', 'chat.postMessage', false, 'channel_not_found', { code: 'channel_not_found' }))).toEqual([{ level: 'ERROR', message: 'run failed' }]);
    });
  });
});
