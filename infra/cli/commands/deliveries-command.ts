import type { Command } from 'commander';
import { withRecovery, type FailedDeliveryNow } from '../../admin/recovered-deliveries';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import { parsePositiveInteger } from '../option-parsers';

/**
 * `switchboard deliveries list|redrive`: events an automation could not take after its retries (the local
 * failed deliveries, or the automations' dead-letter queues on AWS), and delivering them again.
 */
export function registerDeliveriesCommands(program: Command, io: CliIo): void {
  const deliveries = program
    .command('deliveries')
    .description('events that failed for good after their retries, and redriving them')
    .addHelpText('after', '\nExamples:\n  switchboard deliveries list\n  switchboard deliveries redrive --all');

  deliveries
    .command('list')
    .description('failed deliveries, newest first')
    .option('--limit <n>', 'how many', parsePositiveInteger, 50)
    .addHelpText('after', '\nExamples:\n  switchboard deliveries list\n  switchboard --stack Switchboard deliveries list --json')
    .action(async (options: { limit: number }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const failures = await withRecovery(target.runs, await target.operations.failedDeliveries(options.limit));
        output.table<FailedDeliveryNow>(
          failures,
          [
            { header: 'id', cell: (failure) => failure.id, keep: true },
            { header: 'automation', cell: (failure) => failure.automation },
            { header: 'event', cell: (failure) => failure.event.detailType },
            { header: 'attempts', cell: (failure) => failure.attempts },
            { header: 'failed at', cell: (failure) => output.time(failure.failedAt) },
            // What became of the run since: a replay may have recovered it.
            { header: 'now', cell: (failure) => (failure.recoveredBy === undefined ? '' : `recovered by ${failure.recoveredBy}`) },
            { header: 'error', cell: (failure) => failure.error },
          ],
          'No failed deliveries: every event reached its automations.',
        );
      });
    });

  deliveries
    .command('redrive [id]')
    .description('deliver a failed event (or --all) to its automation again: the same run, tried again, once')
    .option('--all', 'every failed delivery')
    .addHelpText('after', '\nExamples:\n  switchboard deliveries redrive after-hours:Ev08ABCDEF12\n  switchboard deliveries redrive --all')
    .action(async (id: string | undefined, options: { all?: boolean }, command: Command) => {
      if ((id === undefined) === (options.all !== true)) throw new CliError('name one failed delivery (its id from `switchboard deliveries list`), or pass --all');
      await withTarget(command, io, async (target, output) => {
        const ids = id === undefined ? (await target.operations.failedDeliveries(1_000)).map((failure) => failure.id) : [id];
        const outcomes: { id: string; outcome: string }[] = [];
        for (const each of ids) outcomes.push({ id: each, outcome: await target.operations.redrive(each) });
        if (id !== undefined && outcomes[0]?.outcome === 'gone') throw new CliError(`no failed delivery ${id} (already redriven?); \`switchboard deliveries list\` shows them`);
        output.record({ redriven: outcomes }, () =>
          outcomes.length === 0
            ? ['No failed deliveries to redrive.']
            : outcomes.map(({ id: each, outcome }) => (outcome === 'redriven' ? `Redriven ${each}: ${target.description} delivers it again.` : `Skipped ${each}: already redriven.`)),
        );
      }, { write: true });
    });
}
