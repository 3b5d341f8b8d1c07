import type { Command } from 'commander';
import type { Timer } from '../../../shared/timers/timers';
import { withTarget, type CliIo } from '../cli-context';
import { parsePositiveInteger } from '../option-parsers';

/** `switchboard timers list`: what will fire next (escalations, reminders, checks). */
export function registerTimersCommands(program: Command, io: CliIo): void {
  const timers = program
    .command('timers')
    .description('pending timers: escalations, reminders, checks')
    .addHelpText('after', '\nExamples:\n  switchboard timers list');

  timers
    .command('list')
    .description('pending timers, soonest first')
    .option('--limit <n>', 'how many', parsePositiveInteger, 50)
    .addHelpText('after', '\nExamples:\n  switchboard timers list\n  switchboard timers list --json --limit 200')
    .action(async (options: { limit: number }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const list = await target.timers.list(options.limit);
        output.table<Timer>(
          list,
          [
            { header: 'due at', cell: (timer) => output.time(timer.dueAt) },
            { header: 'automation', cell: (timer) => timer.automation },
            { header: 'kind', cell: (timer) => timer.kind },
            { header: 'subject', cell: (timer) => timer.subject },
            { header: 'id', cell: (timer) => timer.id, keep: true },
          ],
          'No pending timers.',
        );
      });
    });
}
