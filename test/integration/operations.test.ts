import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { incidentIdFor } from '../../functions/paging/incident-identity';
import { IncidentStore } from '../../functions/paging/incident-store';
import { createEvent } from '../../shared/events/validate-event';
import type { RunRecord } from '../../shared/runs/run';
import { FakeSlackApi } from '../support/fake-slack-api';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { sampleEmergencyRequestEvent } from '../support/sample-events';
import { switchboardCli } from '../support/switchboard-cli';

// Sunday 2026-11-22, 8 PM Pacific: the customer pressed P0 on the after-hours notice.
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const INTERNAL_CHANNEL = 'C0SUPPORT01';
const SLACK_IS_DOWN = { status: 500, body: { ok: false, error: 'internal_error' } };

/**
 * Replay and redrive, locally, through the CLI: an acknowledgement whose Slack post to the internal
 * channel fails (Slack answers 500 for that channel, however often it is asked) fails for good after its
 * retries; once Slack is back, a replay or a redrive completes it, and what had succeeded is not repeated.
 */
describe('replaying a failed run and redriving a failed delivery', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  let cliEnv: Record<string, string>;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), slack });
    // The CLI on the same project and clock, as when both read one .env file.
    cliEnv = { SWITCHBOARD_DATA_DIR: switchboard.dataDir, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SWITCHBOARD_NOW: '2026-11-22T20:30:00-08:00' };
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  /** An incident from the customer's P0 click, then its acknowledgement while Slack fails in the internal channel; resolves with the failed run. */
  async function acknowledgementThatFailed(): Promise<{ incidentId: string; run: RunRecord }> {
    const emergency = sampleEmergencyRequestEvent(switchboard.clock.now(), { excerpt: 'Checkout returns 503s' });
    await switchboard.bus.publish([emergency]);
    await switchboard.drain();
    const incidentId = incidentIdFor(emergency.detail.eventId);
    expect(await new IncidentStore(switchboard.platform.table, switchboard.clock).get(incidentId)).toMatchObject({ status: 'paging' });

    slack.failFromNowOn('chat.postMessage', SLACK_IS_DOWN, (args) => args['channel'] === INTERNAL_CHANNEL);
    const ack = createEvent('incident.ack.requested', { eventId: 'cli:ack-1', receivedAt: switchboard.clock.now().toISOString(), provider: 'switchboard', incident: incidentId, by: 'Priya' });
    await switchboard.bus.publish([ack]);
    await switchboard.drain();
    const run = await switchboard.platform.runs.get('paging:cli:ack-1');
    expect(run).toBeDefined();
    return { incidentId, run: run! };
  }

  const postsOf = (key: string) => slack.effectPosts().get(key) ?? [];

  it('a run that Slack failed is failed, with the failing step named; after Slack recovers, runs replay completes it and the earlier post is not repeated', async () => {
    const { incidentId, run } = await acknowledgementThatFailed();
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ transient: true });
    expect(run.steps.filter((step) => step.outcome === 'failed').map((step) => step.name)).toEqual(['tell the internal channel']);
    expect(postsOf(`paging.ack-thread:${incidentId}`)).toHaveLength(1);
    expect(postsOf(`paging.ack-internal:${incidentId}`)).toHaveLength(0);

    const shown = await switchboardCli(['runs', 'show', run.runId], cliEnv);
    expect(shown.stdout).toContain(`Run ${run.runId}: failed`);
    expect(shown.stdout).toMatch(/failed\s+tell the internal channel/);

    slack.recover();
    const replay = await switchboardCli(['runs', 'replay', run.runId, '--no-wait'], cliEnv);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain(`Replay of ${run.runId} queued as ${run.runId}#replay-1.`);
    await switchboard.tick();
    await switchboard.drain();

    const replayed = await switchboard.platform.runs.get(`${run.runId}#replay-1`);
    expect(replayed).toMatchObject({ status: 'succeeded', replayOf: run.runId });
    expect(replayed?.steps.find((step) => step.name === "tell the customer's thread")).toMatchObject({ outcome: 'skipped' });
    expect(replayed?.steps.find((step) => step.name === 'tell the internal channel')).toMatchObject({ outcome: 'done' });
    expect(postsOf(`paging.ack-thread:${incidentId}`)).toHaveLength(1);
    expect(postsOf(`paging.ack-internal:${incidentId}`)).toHaveLength(1);

    const original = await switchboardCli(['runs', 'show', run.runId], cliEnv);
    expect(original.stdout).toContain(`replayed  1 time, latest as ${run.runId}#replay-1`);
    const listed = await switchboardCli(['runs', 'list', '--automation', 'paging'], cliEnv, { columns: 400 });
    expect(listed.stdout).toContain(`${run.runId}#replay-1`);
    expect(listed.stdout).toContain(`replay of ${run.runId}`);
  });

  it('replays in bulk what the filters name; --dry-run lists them and replays nothing', async () => {
    const { run } = await acknowledgementThatFailed();
    slack.recover();

    const dryRun = await switchboardCli(['runs', 'replay', '--automation', 'paging', '--status', 'failed', '--since', '2h', '--dry-run'], cliEnv, { columns: 200 });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('Would replay 1 run (--dry-run: nothing was replayed):');
    expect(dryRun.stdout).toContain(run.runId);
    await switchboard.tick();
    await switchboard.drain();
    expect(await switchboard.platform.runs.get(`${run.runId}#replay-1`)).toBeUndefined();

    const none = await switchboardCli(['runs', 'replay', '--automation', 'after-hours', '--since', '2h'], cliEnv);
    expect(none.stdout).toContain('No runs to replay: no run matches --automation after-hours --status failed --since 120m.');

    const bulk = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--automation', 'paging', '--since', '2h', '--no-wait'], cliEnv)).stdout) as { replayed: { runId: string; replay: string }[] };
    expect(bulk.replayed).toEqual([{ runId: run.runId, replay: `${run.runId}#replay-1`, status: 'queued' }]);
    await switchboard.tick();
    await switchboard.drain();
    expect(await switchboard.platform.runs.get(`${run.runId}#replay-1`)).toMatchObject({ status: 'succeeded' });
  });

  it('refuses to replay a run that does not exist, saying where the ids are', async () => {
    const result = await switchboardCli(['runs', 'replay', 'paging:nope'], cliEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('switchboard: no run paging:nope; `switchboard runs list` shows their ids\n');
  });

  it('lists a delivery whose retries ran out, and redrives it once: the same run, tried again, completes', async () => {
    const { incidentId, run } = await acknowledgementThatFailed();

    const listed = JSON.parse((await switchboardCli(['--json', 'deliveries', 'list'], cliEnv)).stdout) as { id: string; automation: string; attempts: number; error: string }[];
    expect(listed).toHaveLength(1);
    const [failure] = listed;
    expect(failure).toMatchObject({ automation: 'paging', attempts: 3 });
    const table = await switchboardCli(['deliveries', 'list'], cliEnv, { columns: 60 });
    expect(table.stdout).toContain(failure!.id);

    slack.recover();
    const redriven = await switchboardCli(['deliveries', 'redrive', failure!.id], cliEnv);
    expect(redriven.stdout).toContain(`Redriven ${failure!.id}`);
    const again = await switchboardCli(['deliveries', 'redrive', failure!.id], cliEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no failed delivery ${failure!.id} (already redriven?)`);
    await switchboard.tick();
    await switchboard.drain();

    expect(await switchboard.platform.runs.get(run.runId)).toMatchObject({ status: 'succeeded' });
    expect(postsOf(`paging.ack-thread:${incidentId}`)).toHaveLength(1);
    expect(postsOf(`paging.ack-internal:${incidentId}`)).toHaveLength(1);
    expect((await switchboardCli(['deliveries', 'list'], cliEnv)).stdout).toContain('No failed deliveries');
    const all = await switchboardCli(['deliveries', 'redrive', '--all'], cliEnv);
    expect(all.stdout).toContain('No failed deliveries to redrive.');
  });

  /** Replays `runId` through the CLI and lets the runtime run the replay; resolves with what the CLI printed. */
  async function replayAndRun(runId: string): Promise<string> {
    const replayed = await switchboardCli(['runs', 'replay', runId, '--no-wait'], cliEnv);
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(0);
    await switchboard.tick();
    await switchboard.drain();
    return replayed.stdout;
  }

  describe('replays of replays', () => {
    it('numbers a replay of a failed replay from the original run and runs it, linked to the replay it replays', async () => {
      const { run } = await acknowledgementThatFailed();
      expect(await replayAndRun(run.runId)).toBe(`Replay of ${run.runId} queued as ${run.runId}#replay-1.\n`);
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-1`)).toMatchObject({ status: 'failed' });

      expect(await replayAndRun(`${run.runId}#replay-1`)).toBe(`Replay of ${run.runId}#replay-1 queued as ${run.runId}#replay-2.\n`);
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-2`)).toMatchObject({ status: 'failed', replayOf: `${run.runId}#replay-1` });

      slack.recover();
      expect(await replayAndRun(`${run.runId}#replay-1`)).toBe(`Replay of ${run.runId}#replay-1 queued as ${run.runId}#replay-3.\n`);
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-3`)).toMatchObject({ status: 'succeeded', replayOf: `${run.runId}#replay-1` });
      const original = await switchboardCli(['runs', 'show', run.runId], cliEnv);
      expect(original.stdout).toContain(`replayed  3 times, latest as ${run.runId}#replay-3`);
    });
  });

  describe('a run recovered by its replay', () => {
    it('keeps its status, says which replay recovered it (and its failed replays too), in runs show and runs list', async () => {
      const { run } = await acknowledgementThatFailed();
      await replayAndRun(run.runId);
      slack.recover();
      await replayAndRun(`${run.runId}#replay-1`);

      expect(await switchboard.platform.runs.get(run.runId)).toMatchObject({ status: 'failed', recoveredBy: `${run.runId}#replay-2` });
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-1`)).toMatchObject({ status: 'failed', recoveredBy: `${run.runId}#replay-2` });
      expect((await switchboardCli(['runs', 'show', run.runId], cliEnv)).stdout).toContain(`  recovered by ${run.runId}#replay-2`);
      const failedRuns = (await switchboardCli(['runs', 'list', '--status', 'failed'], cliEnv, { columns: 400 })).stdout.split('\n');
      expect(failedRuns.find((line) => line.startsWith(`${run.runId} `))).toContain(`recovered by ${run.runId}#replay-2`);
      expect(failedRuns.find((line) => line.startsWith(`${run.runId}#replay-1 `))).toContain(`recovered by ${run.runId}#replay-2`);
    });

    it('is not replayed in bulk, nor are its failed replays; the dry run says why', async () => {
      const { run } = await acknowledgementThatFailed();
      await replayAndRun(run.runId);
      slack.recover();
      await replayAndRun(run.runId);

      const dryRun = await switchboardCli(['runs', 'replay', '--status', 'failed', '--dry-run'], cliEnv, { columns: 400 });
      expect(dryRun.code).toBe(0);
      expect(dryRun.stdout).toBe(
        `Nothing to replay among the runs that match --status failed:\n` +
          `  skipped ${run.runId}#replay-1: recovered by ${run.runId}#replay-2\n` +
          `  skipped ${run.runId}: recovered by ${run.runId}#replay-2\n`,
      );
      const bulk = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--status', 'failed', '--no-wait'], cliEnv)).stdout) as unknown;
      expect(bulk).toEqual({
        replayed: [],
        skipped: [
          { runId: `${run.runId}#replay-1`, reason: `recovered by ${run.runId}#replay-2` },
          { runId: run.runId, reason: `recovered by ${run.runId}#replay-2` },
        ],
        more: 0,
      });
      await switchboard.tick();
      await switchboard.drain();
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-3`)).toBeUndefined();
    });
  });

  describe('bulk replay of a chain of failed attempts', () => {
    it('replays the latest failed attempt once, as a replay of it, and skips a chain whose replay is queued and has not run yet', async () => {
      const { run } = await acknowledgementThatFailed();
      await replayAndRun(run.runId);

      const dryRun = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--dry-run'], cliEnv)).stdout) as unknown;
      const instead = { runId: run.runId, reason: `its latest attempt ${run.runId}#replay-1 is replayed instead` };
      expect(dryRun).toEqual({ wouldReplay: [`${run.runId}#replay-1`], skipped: [instead], more: 0 });
      const bulk = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--no-wait'], cliEnv)).stdout) as unknown;
      expect(bulk).toEqual({ replayed: [{ runId: `${run.runId}#replay-1`, replay: `${run.runId}#replay-2`, status: 'queued' }], skipped: [instead], more: 0 });

      const whileQueued = await switchboardCli(['runs', 'replay', '--dry-run'], cliEnv, { columns: 400 });
      expect(whileQueued.stdout).toContain(`  skipped ${run.runId}#replay-1: its replay ${run.runId}#replay-2 is queued and has not run yet\n`);
      expect(whileQueued.stdout).toContain(`  skipped ${run.runId}: its replay ${run.runId}#replay-2 is queued and has not run yet\n`);

      slack.recover();
      await switchboard.tick();
      await switchboard.drain();
      expect(await switchboard.platform.runs.get(`${run.runId}#replay-2`)).toMatchObject({ status: 'succeeded', replayOf: `${run.runId}#replay-1` });
    });

    it('says how many more runs match than --limit replays, in the table and in JSON', async () => {
      for (const n of [1, 2, 3]) await switchboard.platform.runs.save(failedRunRecord(`paging:cli:ack-${n}`, n), 30);

      const dryRun = await switchboardCli(['runs', 'replay', '--limit', '2', '--dry-run'], cliEnv, { columns: 400 });
      expect(dryRun.stdout).toContain('Would replay 2 runs (--dry-run: nothing was replayed):');
      expect(dryRun.stdout).toContain('\n1 more matches; raise --limit to replay it too.\n');
      expect((await switchboardCli(['runs', 'replay', '--limit', '1', '--dry-run'], cliEnv, { columns: 400 })).stdout).toContain('\n2 more match; raise --limit to replay them too.\n');

      const bulk = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--limit', '2', '--no-wait'], cliEnv)).stdout) as { replayed: { runId: string }[]; more: number };
      expect(bulk.replayed.map((replayed) => replayed.runId)).toEqual(['paging:cli:ack-3', 'paging:cli:ack-2']);
      expect(bulk.more).toBe(1);
      const rest = await switchboardCli(['runs', 'replay', '--no-wait'], cliEnv, { columns: 400 });
      expect(rest.stdout).toBe(
        'Replay of paging:cli:ack-1 queued as paging:cli:ack-1#replay-1.\n' +
          '  skipped paging:cli:ack-3: its replay paging:cli:ack-3#replay-1 is queued and has not run yet\n' +
          '  skipped paging:cli:ack-2: its replay paging:cli:ack-2#replay-1 is queued and has not run yet\n',
      );
    });
  });

  describe('bulk replay of runs of another status', () => {
    it('replays each run that matches as it is, replayed before or not', async () => {
      const succeeded = { ...failedRunRecord('paging:cli:ack-9', 9), status: 'succeeded' as const, steps: [], error: undefined };
      delete succeeded.error;
      await switchboard.platform.runs.save(succeeded, 30);
      await switchboard.platform.runs.reserveReplay('paging:cli:ack-9');

      const bulk = JSON.parse((await switchboardCli(['--json', 'runs', 'replay', '--status', 'succeeded', '--no-wait'], cliEnv)).stdout) as unknown;

      expect(bulk).toEqual({ replayed: [{ runId: 'paging:cli:ack-9', replay: 'paging:cli:ack-9#replay-2', status: 'queued' }], skipped: [], more: 0 });
    });
  });

  describe('failed deliveries of replays', () => {
    it("keeps a failed replay's delivery apart from its original's, says what happened, and a redrive runs the replay again", async () => {
      const { incidentId, run } = await acknowledgementThatFailed();
      await replayAndRun(run.runId);
      const replayId = `${run.runId}#replay-1`;

      const listed = JSON.parse((await switchboardCli(['--json', 'deliveries', 'list'], cliEnv)).stdout) as { id: string; runId: string; error: string }[];
      expect(listed.map((failure) => [failure.id, failure.runId])).toEqual([
        [replayId, replayId],
        [run.runId, run.runId],
      ]);
      for (const failure of listed) {
        expect(failure.error).not.toContain('will be retried');
        expect(failure.error).toBe('tell the internal channel failed: slack chat.postMessage failed: HTTP 500; its retries ran out');
      }

      slack.recover();
      const redriven = await switchboardCli(['deliveries', 'redrive', replayId], cliEnv);
      expect(redriven.stdout).toBe(`Redriven ${replayId}: local runtime at ${switchboard.url} delivers it again.\n`);
      await switchboard.tick();
      await switchboard.drain();

      expect(await switchboard.platform.runs.get(replayId)).toMatchObject({ status: 'succeeded', attempts: 4 });
      expect(await switchboard.platform.runs.get(run.runId)).toMatchObject({ status: 'failed', attempts: 3, recoveredBy: replayId });
      expect(postsOf(`paging.ack-internal:${incidentId}`)).toHaveLength(1);
      const after = JSON.parse((await switchboardCli(['--json', 'deliveries', 'list'], cliEnv)).stdout) as { id: string; recoveredBy?: string }[];
      expect(after.map((failure) => [failure.id, failure.recoveredBy])).toEqual([[run.runId, replayId]]);
      const table = await switchboardCli(['deliveries', 'list'], cliEnv, { columns: 400 });
      expect(table.stdout).toContain(`recovered by ${replayId}`);
    });
  });

  it('asks for an id or --all', async () => {
    const result = await switchboardCli(['deliveries', 'redrive'], cliEnv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('name one failed delivery');
  });
});

/** A paging run that failed for good, as the runtime records one (`n` orders them: the higher, the newer). */
function failedRunRecord(runId: string, n: number): Omit<RunRecord, 'attempts'> {
  const startedAt = new Date(Date.parse('2026-11-22T20:10:00-08:00') + n * 1_000).toISOString();
  const event = createEvent('incident.ack.requested', { eventId: runId.slice('paging:'.length), receivedAt: startedAt, provider: 'switchboard', incident: 'INC-1', by: 'Priya' });
  return {
    runId,
    automation: 'paging',
    trigger: { detailType: event.detailType, eventId: event.detail.eventId, receivedAt: startedAt },
    event,
    status: 'failed',
    steps: [{ name: 'tell the internal channel', outcome: 'failed', detail: 'slack chat.postMessage failed: channel_not_found', startedAt, durationMs: 12 }],
    startedAt,
    finishedAt: startedAt,
    durationMs: 12,
    error: { name: 'ProviderError', message: 'slack chat.postMessage failed: channel_not_found', transient: false },
  };
}
