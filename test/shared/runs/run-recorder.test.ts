import { describe, expect, it } from 'vitest';
import { RunRecorder } from '../../../shared/runs/run-recorder';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';

const NOW = '2026-11-22T20:00:00.000Z';

const message = sampleSlackMessageEvent({ receivedAt: '2026-11-22T19:59:59.000Z', ts: '1763841599.000100' });

function recorder(clock = new ManualClock(NOW)) {
  return { clock, run: new RunRecorder('after-hours', message, clock) };
}

describe('run recorder', () => {
  it('identifies the run by automation and trigger event', () => {
    const { run } = recorder();

    expect(run.runId).toBe('after-hours:Ev0MESSAGE1');
  });

  it('records a run whose filters passed and steps were done as succeeded', async () => {
    const { run } = recorder();

    expect(run.check('designated customer channel', undefined, 'Acme Corp')).toBe(true);
    await run.step('post notice', async () => ({ detail: 'posted 1763841600.000200' }));
    const record = run.finish();

    expect(record.status).toBe('succeeded');
    expect(record.steps).toEqual([
      { name: 'designated customer channel', outcome: 'passed', detail: 'Acme Corp', startedAt: NOW, durationMs: 0 },
      { name: 'post notice', outcome: 'done', detail: 'posted 1763841600.000200', startedAt: NOW, durationMs: 0 },
    ]);
  });

  it('records a step whose body returns nothing as done, without a detail', async () => {
    const { run } = recorder();

    await run.step('post notice', async () => undefined);

    expect(run.finish().steps).toEqual([{ name: 'post notice', outcome: 'done', startedAt: NOW, durationMs: 0 }]);
  });

  it('records a run with no steps at all as succeeded', () => {
    const { run } = recorder();

    expect(run.finish()).toMatchObject({ status: 'succeeded', steps: [] });
  });

  it('stops at a filter, and keeps its reason as the detail', () => {
    const { run } = recorder();

    const mayContinue = run.check('outside business hours', 'posted during business hours (Monday 10:00 PT)');
    const record = run.finish();

    expect(mayContinue).toBe(false);
    expect(record.status).toBe('filtered');
    expect(record.steps).toEqual([
      { name: 'outside business hours', outcome: 'filtered', detail: 'posted during business hours (Monday 10:00 PT)', startedAt: NOW, durationMs: 0 },
    ]);
    expect(record.error).toBeUndefined();
  });

  it('marks a step that throws as failed, propagates the error and fails the run', async () => {
    const { run } = recorder();
    const failure = new Error('channel_not_found');

    const step = run.step('post notice', async () => {
      throw failure;
    });

    await expect(step).rejects.toBe(failure);
    const record = run.finish();
    expect(record.status).toBe('failed');
    expect(record.steps).toEqual([{ name: 'post notice', outcome: 'failed', detail: 'channel_not_found', startedAt: NOW, durationMs: 0 }]);
  });

  it('describes a thrown non-error by its text', async () => {
    const { run } = recorder();

    await expect(run.step('post notice', () => Promise.reject('plain string'))).rejects.toBe('plain string');

    expect(run.finish().steps[0]).toMatchObject({ outcome: 'failed', detail: 'plain string' });
  });

  it.each([
    ['skipped', 'succeeded'],
    ['waiting', 'waiting'],
    ['filtered', 'filtered'],
    ['done', 'succeeded'],
  ] as const)('records a step that reports %s, and the run as %s', async (outcome, status) => {
    const { run } = recorder();

    await run.step('post notice', async () => ({ outcome, detail: `it was ${outcome}` }));
    const record = run.finish();

    expect(record.steps).toEqual([{ name: 'post notice', outcome, detail: `it was ${outcome}`, startedAt: NOW, durationMs: 0 }]);
    expect(record.status).toBe(status);
  });

  it('ranks failed over filtered over waiting', async () => {
    const waiting = recorder().run;
    await waiting.step('wait for ack', async () => ({ outcome: 'waiting' }));
    const filtered = recorder().run;
    await filtered.step('wait for ack', async () => ({ outcome: 'waiting' }));
    filtered.check('still open', 'closed meanwhile');
    const failed = recorder().run;
    await failed.step('wait for ack', async () => ({ outcome: 'waiting' }));
    failed.check('still open', 'closed meanwhile');
    await failed.step('post', () => Promise.reject(new Error('boom'))).catch(() => undefined);

    expect(waiting.finish().status).toBe('waiting');
    expect(filtered.finish().status).toBe('filtered');
    expect(failed.finish().status).toBe('failed');
  });

  it('takes step and run durations from the clock', async () => {
    const { clock, run } = recorder();

    clock.advance(100);
    run.check('designated customer channel', undefined);
    await run.step('post notice', async () => {
      clock.advance(250);
      return { detail: 'posted' };
    });
    clock.advance(50);
    const record = run.finish();

    expect(record.steps.map((s) => [s.name, s.startedAt, s.durationMs])).toEqual([
      ['designated customer channel', '2026-11-22T20:00:00.100Z', 0],
      ['post notice', '2026-11-22T20:00:00.100Z', 250],
    ]);
    expect(record).toMatchObject({ startedAt: NOW, finishedAt: '2026-11-22T20:00:00.400Z', durationMs: 400 });
  });

  it('times a failed step too', async () => {
    const { clock, run } = recorder();

    await run
      .step('post notice', async () => {
        clock.advance(1_500);
        throw new Error('timeout');
      })
      .catch(() => undefined);

    expect(run.finish().steps[0]).toMatchObject({ outcome: 'failed', durationMs: 1_500 });
  });

  it('keeps the failure given to fail(), without its stack, and fails the run', () => {
    const { run } = recorder();
    class ProviderTimeout extends Error {
      override readonly name = 'ProviderTimeout';
    }

    run.fail(new ProviderTimeout('slack chat.postMessage timed out'), true);
    const record = run.finish();

    expect(record.status).toBe('failed');
    expect(record.error).toEqual({ name: 'ProviderTimeout', message: 'slack chat.postMessage timed out', transient: true });
  });

  it('shortens a long error message to 300 characters', () => {
    const { run } = recorder();

    run.fail(new Error('x'.repeat(1_000)), false);

    const message = run.finish().error?.message ?? '';
    expect(message).toHaveLength(300);
    expect(message.endsWith('...')).toBe(true);
  });

  it('records the trigger and the event itself, for replay', () => {
    const { run } = recorder();

    const record = run.finish();

    expect(record).toMatchObject({
      runId: 'after-hours:Ev0MESSAGE1',
      automation: 'after-hours',
      trigger: { detailType: 'slack.message.posted', eventId: 'Ev0MESSAGE1', receivedAt: '2026-11-22T19:59:59.000Z' },
      event: message,
    });
    expect(record).not.toHaveProperty('attempts');
  });
});
