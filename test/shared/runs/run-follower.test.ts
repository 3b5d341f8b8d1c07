import { beforeEach, describe, expect, it } from 'vitest';
import { RunFollower, runSortKey, runState } from '../../../shared/runs/run-follower';
import type { RunRecord, RunStatus } from '../../../shared/runs/run';
import { RunStore } from '../../../shared/runs/run-store';
import { ManualClock } from '../../support/manual-clock';
import { sampleSlackMessageEvent } from '../../support/sample-events';
import { createTestTable } from '../../support/test-table';

const START = '2026-11-23T04:00:00.000Z';

describe('the run follower (the live runs page, runs list --follow)', () => {
  let clock: ManualClock;
  let runs: RunStore;

  /** Saves a run of `automation` for event `eventId` that started `secondsAfterStart` after START. */
  async function save(automation: string, eventId: string, secondsAfterStart: number, status: RunStatus = 'succeeded'): Promise<RunRecord> {
    const startedAt = new Date(Date.parse(START) + secondsAfterStart * 1000).toISOString();
    const event = sampleSlackMessageEvent({ eventId, receivedAt: startedAt });
    return runs.save(
      { runId: `${automation}:${eventId}`, automation, trigger: { detailType: event.detailType, eventId, receivedAt: startedAt }, event, status, steps: [], startedAt, finishedAt: startedAt, durationMs: 0 },
      30,
    );
  }

  beforeEach(async () => {
    clock = new ManualClock(START);
    runs = new RunStore(await createTestTable(clock), clock);
  });

  it('returns the runs saved since it started, oldest first, and each once', async () => {
    const shown = await save('after-hours', 'Ev1', 0);
    const follower = new RunFollower(runs, {}, runSortKey(shown));
    follower.start([shown]);
    await save('after-hours', 'Ev3', 20);
    await save('after-hours', 'Ev2', 10);

    const first = await follower.poll();
    const second = await follower.poll();

    expect(first.map((run) => run.runId)).toEqual(['after-hours:Ev2', 'after-hours:Ev3']);
    expect(second).toEqual([]);
  });

  it('returns a run saved after a newer one (a long run ends after a short one started later)', async () => {
    const shown = await save('after-hours', 'Ev1', 0);
    const follower = new RunFollower(runs, {}, runSortKey(shown));
    follower.start([shown]);
    await save('after-hours', 'Ev3', 30);
    expect((await follower.poll()).map((run) => run.runId)).toEqual(['after-hours:Ev3']);

    await save('paging', 'Ev2', 10);

    expect((await follower.poll()).map((run) => run.runId)).toEqual(['paging:Ev2']);
  });

  it('returns a run saved between the page and its start that sorts before the page\'s newest (the same instant, a lower id)', async () => {
    const shown = await save('paging', 'Ev1', 0);
    await save('after-hours', 'Ev2', 0);
    const follower = new RunFollower(runs, {}, runSortKey(shown));
    follower.start([shown]);

    expect((await follower.poll()).map((run) => run.runId)).toEqual(['after-hours:Ev2']);
    expect(await follower.poll()).toEqual([]);
  });

  it('told nothing of what its reader shows, returns the runs of the look-back window first, with the state each is in', async () => {
    const earlier = await save('after-hours', 'Ev1', 0);
    const latest = await save('after-hours', 'Ev2', 10);
    const follower = new RunFollower(runs, {}, runSortKey(latest));
    follower.start();

    const first = await follower.poll();

    expect(first.map((run) => [run.runId, runState(run)])).toEqual([
      ['after-hours:Ev1', runState(earlier)],
      ['after-hours:Ev2', runState(latest)],
    ]);
    expect(await follower.poll()).toEqual([]);
  });

  it('returns a run again when a retry saved it with another outcome', async () => {
    const shown = await save('after-hours', 'Ev1', 0, 'failed');
    const follower = new RunFollower(runs, {}, runSortKey(shown));
    follower.start([shown]);
    expect(await follower.poll()).toEqual([]);

    await save('after-hours', 'Ev1', 0, 'succeeded');

    expect(await follower.poll()).toEqual([expect.objectContaining({ runId: 'after-hours:Ev1', status: 'succeeded', attempts: 2 })]);
  });

  it('returns only the runs the filters match', async () => {
    const follower = new RunFollower(runs, { automation: 'paging' }, '');
    follower.start();
    await save('after-hours', 'Ev1', 0);
    await save('paging', 'Ev2', 1);

    expect((await follower.poll()).map((run) => run.runId)).toEqual(['paging:Ev2']);
  });

  it('starts from nothing when there were no runs at all, and keeps its position for a reconnection', async () => {
    const follower = new RunFollower(runs, {}, '');
    follower.start();
    const run = await save('after-hours', 'Ev1', 0);

    expect((await follower.poll()).map((each) => each.runId)).toEqual(['after-hours:Ev1']);
    expect(follower.position).toBe(runSortKey(run));
  });
});
