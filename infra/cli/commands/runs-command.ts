import type { Command } from 'commander';
import { automations } from '../../../functions/registry';
import type { Config } from '../../../shared/config/config-schema';
import type { RunRecord, RunStatus } from '../../../shared/runs/run';
import { RunFollower, runSortKey } from '../../../shared/runs/run-follower';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import { oneOf, parseDuration, parsePositiveInteger, parseRunCursor } from '../option-parsers';
import type { Output } from '../output';
import type { Target } from '../../admin/target';
import { waitFor } from '../wait-for';
import { runSummary } from '../../../shared/runs/run-summary';
import { describeRun } from './describe-run';
import { planBulkReplay, type BulkReplayPlan } from '../../admin/bulk-replay-plan';
import { replayRun } from '../../admin/replay-run';
import type { ReplayReservation, RunQuery } from '../../../shared/runs/run-store';

/** How often `--follow` looks for new runs. */
const FOLLOW_POLL_MS = 1_000;

const STATUSES: readonly RunStatus[] = ['succeeded', 'filtered', 'failed', 'waiting'];
const AUTOMATION_NAMES = automations.map((automation) => automation.name);

interface FilterOptions {
  automation?: string;
  status?: RunStatus;
  since?: number;
  customer?: string;
  channel?: string;
}

/** `switchboard runs list|show|replay`: what the automations did, why, and doing it again. */
export function registerRunsCommands(program: Command, io: CliIo): void {
  const runs = program
    .command('runs')
    .description('the run history: every automation execution, its steps and outcome')
    .addHelpText('after', '\nExamples:\n  switchboard runs list --status failed --since 2h\n  switchboard runs show RUN_ID\n  switchboard runs replay RUN_ID');

  const withFilters = (command: Command) =>
    command
      .option('--automation <name>', `only this automation: ${AUTOMATION_NAMES.join(', ')}`, oneOf(AUTOMATION_NAMES, 'an automation'))
      .option('--status <status>', `only runs that ended ${STATUSES.join(', ')}`, oneOf(STATUSES, 'a run status'))
      .option('--since <duration>', 'only runs started within this long, e.g. 2h or 3d', parseDuration)
      .option('--customer <name>', "only runs in this customer's designated channels")
      .option('--channel <id>', 'only runs in this Slack channel');

  withFilters(runs.command('list').description('recent runs, newest first, one line each: what happened, or why a filter stopped it'))
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .option('--cursor <cursor>', 'the next page: the nextCursor of the previous --json page', parseRunCursor)
    .option('--follow', 'keep printing runs as they finish (Ctrl-C stops)')
    .addHelpText(
      'after',
      '\nExamples:\n  switchboard runs list\n  switchboard runs list --automation paging --status failed --since 2h\n  switchboard runs list --customer "Acme Corp" --follow\n  switchboard runs list --json --limit 100 --cursor "<nextCursor>"',
    )
    .action(async (options: FilterOptions & { limit: number; cursor?: string; follow?: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const query = queryOf(options, (await target.configs.find())?.config, target);
        if (options.follow && options.cursor !== undefined) throw new CliError('--cursor pages back through older runs and --follow waits for new ones: use one of them');
        if (options.follow) return follow(target, output, query, options.limit, io);
        const page = await target.runs.page({ ...query, limit: options.limit, ...(options.cursor === undefined ? {} : { cursor: options.cursor }) });
        if (output.json) {
          output.record({ runs: page.runs, nextCursor: page.nextCursor ?? null }, () => []);
          return;
        }
        output.table(page.runs, runColumns(output), await emptyRuns(target, options));
        if (page.nextCursor !== undefined) output.say(`(more: --cursor "${page.nextCursor}")`);
      });
    });

  runs
    .command('show <runId>')
    .description('one run with all its steps')
    .addHelpText('after', '\nExample:\n  switchboard runs show after-hours:Ev08ABCDEF12')
    .action(async (runId: string, _options: unknown, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const run = await target.runs.get(runId);
        if (run === undefined) throw new CliError(`no run ${runId}; \`switchboard runs list\` shows their ids`);
        output.record(run, () => describeRun(run, output));
      });
    });

  withFilters(
    runs
      .command('replay [runId]')
      .description('run a failed run again on its stored trigger, as a new run linked to it: only the steps that did not complete happen again'),
  )
    .option('--limit <n>', 'at most this many runs in bulk', parsePositiveInteger, 20)
    .option('--dry-run', 'list what would be replayed, and replay nothing')
    .option('--no-wait', 'do not wait for the replays to finish')
    .addHelpText(
      'after',
      '\nExamples:\n  switchboard runs replay after-hours:Ev08ABCDEF12\n  switchboard runs replay --automation paging --status failed --since 2h --dry-run\n  switchboard runs replay --status failed --since 1d\n\nReplays are numbered from the original run: a replay of RUN_ID#replay-1 is RUN_ID#replay-2.\nIn bulk (without RUN_ID) the status defaults to failed, and each event is replayed once, through its\nlatest attempt, while that failed: runs a replay recovered, or whose replay is queued, are skipped (the\noutput says why). Effects the earlier attempts completed (a post, an SMS) are not repeated: the\nside-effect ledger skips them.',
    )
    .action(async (runId: string | undefined, options: FilterOptions & { limit: number; dryRun?: boolean; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const bulk = { ...options, status: options.status ?? 'failed' };
        const plan: BulkReplayPlan =
          runId === undefined
            ? await planBulkReplay(target.runs, queryOf(bulk, (await target.configs.find())?.config, target), options.limit)
            : { replay: [await runOrFail(target, runId)], skipped: [], more: 0 };
        const filters = await describeFilters(bulk);
        // Read when printed: a run found superseded while replaying joins the skipped ones.
        const skippedLines = () => plan.skipped.map(({ runId: skipped, reason }) => `  skipped ${skipped}: ${reason}`);
        const moreLines = plan.more === 0 ? [] : [plan.more === 1 ? '1 more matches; raise --limit to replay it too.' : `${plan.more} more match; raise --limit to replay them too.`];
        if (plan.replay.length === 0) {
          const lines = plan.skipped.length === 0 ? [`No runs to replay: no run matches ${filters}.`] : [`Nothing to replay among the runs that match ${filters}:`, ...skippedLines()];
          output.record({ [options.dryRun ? 'wouldReplay' : 'replayed']: [], skipped: plan.skipped, more: plan.more }, () => lines);
          return;
        }
        if (options.dryRun) {
          if (output.json) output.record({ wouldReplay: plan.replay.map((run) => run.runId), skipped: plan.skipped, more: plan.more }, () => []);
          else {
            output.say(`Would replay ${plan.replay.length} run${plan.replay.length === 1 ? '' : 's'} (--dry-run: nothing was replayed):`);
            output.table(plan.replay, runColumns(output), '');
            for (const line of [...skippedLines(), ...moreLines]) output.say(line);
          }
          return;
        }
        const replayed: { runId: string; replay: string; run: RunRecord | undefined }[] = [];
        const report = (failure?: { runId: string; error: string }) =>
          output.record(
            {
              replayed: replayed.map(({ runId: original, replay, run }) => ({ runId: original, replay, status: run?.status ?? 'queued' })),
              ...(runId === undefined ? { skipped: plan.skipped, more: plan.more } : {}),
              ...(failure === undefined ? {} : { failed: failure }),
            },
            () => [
              ...replayed.flatMap(({ runId: original, replay, run }) =>
                run === undefined
                  ? [`Replay of ${original} queued as ${replay}${options.wait ? `; ${target.description} has not run it yet (is it running?)` : ''}.`]
                  : [`Replayed ${original} as ${replay}: ${run.status}`, ...run.steps.map((step) => `  ${step.outcome.padEnd(8)} ${step.name}${step.detail === undefined ? '' : ` — ${step.detail}`}`)],
              ),
              ...skippedLines(),
              ...moreLines,
            ],
          );
        for (const [index, run] of plan.replay.entries()) {
          let reservation: ReplayReservation;
          try {
            // A bulk replay of failed runs replays an event only while the run planned is still its latest attempt.
            reservation = await replayRun(target, run, { onlyIfLatest: runId === undefined && bulk.status === 'failed' });
          } catch (error) {
            // Say what was done before the error, then the error (exit code 1).
            const message = error instanceof Error ? error.message : String(error);
            report({ runId: run.runId, error: message });
            const untried = plan.replay.length - index - 1;
            throw new CliError(`could not replay ${run.runId}: ${message} (${replayed.length} replay${replayed.length === 1 ? ' was' : 's were'} made before it${untried === 0 ? '' : `, ${untried} not tried`})`);
          }
          if (reservation.outcome === 'reserved') replayed.push({ runId: run.runId, replay: reservation.runId, run: undefined });
          else if (reservation.outcome === 'superseded') plan.skipped.push({ runId: run.runId, reason: `another replay (${reservation.latest}) was requested meanwhile` });
          else if (runId !== undefined) throw new CliError(`cannot replay ${run.runId}: its original run ${reservation.original} has expired (runs.retentionDays), so its replays cannot be numbered`);
          else plan.skipped.push({ runId: run.runId, reason: `its original run ${reservation.original} has expired` });
        }
        if (options.wait) {
          for (const entry of replayed) entry.run = await waitFor(() => target.runs.get(entry.replay), 10_000);
        }
        report();
      }, { write: true });
    });
}

async function runOrFail(target: Target, runId: string): Promise<RunRecord> {
  const run = await target.runs.get(runId);
  if (run === undefined) throw new CliError(`no run ${runId}; \`switchboard runs list\` shows their ids`);
  return run;
}

/** The columns of a run list: the id never cut, the one-line story last. */
function runColumns(output: Output) {
  return [
    { header: 'run id', cell: (run: RunRecord) => run.runId, keep: true },
    { header: 'status', cell: (run: RunRecord) => run.status },
    { header: 'trigger', cell: (run: RunRecord) => run.trigger.detailType },
    { header: 'started at', cell: (run: RunRecord) => output.time(run.startedAt) },
    { header: 'what happened', cell: (run: RunRecord) => runSummary(run) },
  ];
}

/** The store query the options name; a customer is their designated channels. */
function queryOf(options: FilterOptions, config: Config | undefined, target: Target): RunQuery {
  const channels: string[] = [];
  if (options.customer !== undefined) {
    const known = config?.afterHours.customerChannels ?? [];
    const matching = known.filter((channel) => channel.customer.toLowerCase() === options.customer?.toLowerCase());
    if (matching.length === 0) {
      throw new CliError(`no designated channel is for a customer named "${options.customer}"; the customers are ${known.map((channel) => channel.customer).join(', ') || '(none)'}`);
    }
    channels.push(...matching.map((channel) => channel.id));
  }
  if (options.channel !== undefined) channels.push(options.channel);
  return {
    ...(options.automation === undefined ? {} : { automation: options.automation }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.since === undefined ? {} : { since: new Date(target.clock.now().getTime() - options.since) }),
    ...(channels.length === 0 ? {} : { channels }),
  };
}

/** What an empty list says: that there are no runs at all, or that the filters matched none. */
async function emptyRuns(target: Target, options: FilterOptions): Promise<string> {
  const filters = await describeFilters(options);
  if (filters === '') return 'No runs yet. Try `switchboard simulate slack-message`.';
  const newest = (await target.runs.list({ limit: 1 }))[0];
  return newest === undefined ? 'No runs yet. Try `switchboard simulate slack-message`.' : `No runs match ${filters}; \`switchboard runs list\` shows all of them.`;
}

async function describeFilters(options: FilterOptions): Promise<string> {
  const parts = [
    options.automation === undefined ? undefined : `--automation ${options.automation}`,
    options.status === undefined ? undefined : `--status ${options.status}`,
    options.since === undefined ? undefined : `--since ${Math.round(options.since / 60_000)}m`,
    options.customer === undefined ? undefined : `--customer "${options.customer}"`,
    options.channel === undefined ? undefined : `--channel ${options.channel}`,
  ];
  return parts.filter((part) => part !== undefined).join(' ');
}

const COLOURS: Record<RunStatus, string> = { succeeded: '\u001b[32m', waiting: '\u001b[33m', filtered: '\u001b[90m', failed: '\u001b[31m' };

/** Prints the latest runs oldest first, then each new run as it finishes, one line each, until stopped. */
async function follow(target: Target, output: Output, query: RunQuery, limit: number, io: CliIo): Promise<void> {
  const colour = (status: RunStatus, text: string) => (io.isTerminal === true ? `${COLOURS[status]}${text}\u001b[0m` : text);
  const print = (run: RunRecord) =>
    io.stdout(output.json ? `${JSON.stringify(run)}\n` : `${output.time(run.startedAt)}  ${colour(run.status, run.status.padEnd(9))}  ${run.runId}  ${runSummary(run)}\n`);
  const latest = await target.runs.page({ ...query, limit });
  for (const run of [...latest.runs].reverse()) print(run);
  // After the newest run printed; a retry that ends otherwise, or a run saved after a newer one, comes back too.
  const follower = new RunFollower(target.runs, query, latest.runs[0] === undefined ? target.clock.now().toISOString() : runSortKey(latest.runs[0]));
  follower.start(latest.runs);
  if (!output.json) io.stderr(`Following runs of ${target.description} (Ctrl-C stops)…\n`);
  const stopped = new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
    if (io.signal === undefined) process.once('SIGINT', () => resolve());
  });
  let running = true;
  void stopped.then(() => {
    running = false;
  });
  while (running) {
    for (const run of await follower.poll()) print(run);
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, FOLLOW_POLL_MS))]);
  }
}
