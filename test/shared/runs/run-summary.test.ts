import { describe, expect, it } from 'vitest';
import type { RunRecord, Step, StepOutcome } from '../../../shared/runs/run';
import { decidingStep, runSummary } from '../../../shared/runs/run-summary';

const AT = '2026-11-23T04:00:00.000Z';

function step(name: string, outcome: StepOutcome, detail?: string): Step {
  return { name, outcome, startedAt: AT, durationMs: 1, ...(detail === undefined ? {} : { detail }) };
}

/** A run of the after-hours automation with these steps and status. */
function run(status: RunRecord['status'], steps: Step[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: 'after-hours:Ev0SUMMARY',
    automation: 'after-hours',
    trigger: { detailType: 'slack.message.posted', eventId: 'Ev0SUMMARY', receivedAt: AT },
    event: { detailType: 'slack.message.posted', detail: { eventId: 'Ev0SUMMARY', receivedAt: AT, provider: 'slack', teamId: 'T0EXAMPLE1', channel: 'C0ACMEPROD', ts: '1795406400.000200', text: '' } },
    status,
    steps,
    startedAt: AT,
    finishedAt: AT,
    durationMs: 3,
    attempts: 1,
    ...extra,
  };
}

describe('decidingStep', () => {
  it('is the last step of a run that succeeded: it did everything', () => {
    const steps = [step('designated customer channel', 'passed'), step('post after-hours notice', 'done', 'replied in thread')];

    expect(decidingStep(run('succeeded', steps))).toBe(steps[1]);
  });

  it('is the filter that stopped a filtered run, whatever was recorded after it', () => {
    const steps = [step('designated customer channel', 'passed'), step('sender is a customer', 'filtered', 'U0TEAM1 is a team member'), step('note the team reply for the overnight digest', 'done')];

    expect(decidingStep(run('filtered', steps))).toBe(steps[1]);
  });

  it('is the latest filter that stopped it when several did', () => {
    const steps = [step('first filter', 'filtered', 'first'), step('second filter', 'filtered', 'second')];

    expect(decidingStep(run('filtered', steps))).toBe(steps[1]);
  });

  it('is the step that failed in a failed run, not the ones before or after it', () => {
    const steps = [step('designated customer channel', 'passed'), step('post after-hours notice', 'failed', 'channel_not_found'), step('file it for the overnight digest', 'skipped')];

    expect(decidingStep(run('failed', steps))).toBe(steps[1]);
  });

  it('is the step a waiting run waits on', () => {
    const steps = [step('page Dana', 'done'), step('wait for an ACK', 'waiting', 'until 20:05'), step('note the page', 'done')];

    expect(decidingStep(run('waiting', steps))).toBe(steps[1]);
  });

  it('is the step that waited in a run whose wait another run closed', () => {
    const steps = [step('page Dana', 'done'), step('wait for an ACK', 'waiting', 'until 20:05')];

    expect(decidingStep(run('succeeded', steps, { closedBy: { runId: 'paging:sms-ack', reason: 'acknowledged by Dana', at: AT } }))).toBe(steps[1]);
  });

  it('is the last step when none has the run’s outcome (a run that failed outside its steps)', () => {
    const steps = [step('designated customer channel', 'passed'), step('sender is a customer', 'passed')];

    expect(decidingStep(run('failed', steps))).toBe(steps[1]);
  });

  it('is undefined for a run without steps', () => {
    expect(decidingStep(run('failed', []))).toBeUndefined();
  });
});

describe('runSummary', () => {
  it('says which filter stopped a filtered run, and why', () => {
    const summary = runSummary(run('filtered', [step('designated customer channel', 'filtered', 'C0OTHER is not a designated customer channel')]));

    expect(summary).toBe('designated customer channel: C0OTHER is not a designated customer channel');
  });

  it('names the deciding step alone when it has no detail', () => {
    expect(runSummary(run('succeeded', [step('post after-hours notice', 'done')]))).toBe('post after-hours notice');
  });

  it('says what ended a wait that is over', () => {
    const closed = run('succeeded', [step('wait for an ACK', 'waiting', 'until 20:05')], { closedBy: { runId: 'paging:sms-ack', reason: 'acknowledged by Dana', at: AT } });

    expect(runSummary(closed)).toBe('wait for an ACK: until 20:05; over: acknowledged by Dana');
  });

  it('says which run a replay replays', () => {
    const replay = run('succeeded', [step('post after-hours notice', 'skipped', 'done before')], { runId: 'after-hours:Ev0SUMMARY#replay-1', replayOf: 'after-hours:Ev0SUMMARY' });

    expect(runSummary(replay)).toBe('replay of after-hours:Ev0SUMMARY; post after-hours notice: done before');
  });

  it('is empty for a run without steps', () => {
    expect(runSummary(run('failed', []))).toBe('');
  });
});
