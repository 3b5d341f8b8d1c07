import type { Command } from 'commander';
import type { RunRecord, RunStatus } from '../../../shared/runs/run';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import { parsePositiveInteger } from './config-command';

const STATUSES: readonly RunStatus[] = ['succeeded', 'filtered', 'failed', 'waiting'];

/** `switchboard runs list|show`: what the automations did, and why. */
export function registerRunsCommands(program: Command, io: CliIo): void {
  const runs = program.command('runs').description('the run history: every automation execution, its steps and outcome');

  runs
    .command('list')
    .description('recent runs, newest first')
    .option('--automation <name>', 'only this automation')
    .option('--status <status>', `only runs that ended ${STATUSES.join('|')}`)
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .action(async (options: { automation?: string; status?: string; limit: number }, command: Command) => {
      if (options.status !== undefined && !STATUSES.includes(options.status as RunStatus)) {
        throw new CliError(`--status must be one of ${STATUSES.join(', ')}`);
      }
      await withTarget(command, io, async (target, output) => {
        const list = await target.runs.list({
          limit: options.limit,
          ...(options.automation === undefined ? {} : { automation: options.automation }),
          ...(options.status === undefined ? {} : { status: options.status as RunStatus }),
        });
        output.table(
          list.map((run) => (output.json ? run : summary(run))),
          ['runId', 'status', 'trigger', 'startedAt', 'why'],
          'No runs yet.',
        );
      });
    });

  runs
    .command('show <runId>')
    .description('one run with all its steps')
    .action(async (runId: string, _options: unknown, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const run = await target.runs.get(runId);
        if (run === undefined) throw new CliError(`no run ${runId}`);
        output.record(run, () => [
          `Run ${run.runId}: ${run.status} (attempt ${run.attempts}, ${run.durationMs} ms)`,
          `  trigger   ${run.trigger.detailType} ${run.trigger.eventId}, received ${run.trigger.receivedAt}`,
          `  started   ${run.startedAt}`,
          ...(run.error === undefined ? [] : [`  error     ${run.error.name}: ${run.error.message}${run.error.transient ? ' (transient)' : ''}`]),
          ...(run.closedBy === undefined ? [] : [`  closed    ${run.closedBy.at} by ${run.closedBy.runId}: ${run.closedBy.reason}`]),
          '  steps',
          ...run.steps.map((step) => `    ${step.outcome.padEnd(8)} ${step.name}${step.detail === undefined ? '' : ` — ${step.detail}`} (${step.durationMs} ms)`),
        ]);
      });
    });
}

/** The one-line view: the step that decided the outcome explains it; a wait that is over says what ended it. */
function summary(run: RunRecord) {
  const status = run.closedBy === undefined ? run.status : 'waiting';
  const deciding = [...run.steps].reverse().find((step) => step.outcome === status || (status === 'failed' && step.outcome === 'failed')) ?? run.steps.at(-1);
  const why = deciding === undefined ? '' : `${deciding.name}${deciding.detail === undefined ? '' : `: ${deciding.detail}`}`;
  return {
    runId: run.runId,
    status: run.status,
    trigger: run.trigger.detailType,
    startedAt: run.startedAt,
    why: run.closedBy === undefined ? why : `${why}; over: ${run.closedBy.reason}`,
  };
}
