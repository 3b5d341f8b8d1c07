import type { Command } from 'commander';
import { withTarget, type CliIo } from '../cli-context';
import { parsePositiveInteger } from './config-command';

/** `switchboard timers list`: what will fire next (escalations, reminders). */
export function registerTimersCommands(program: Command, io: CliIo): void {
  const timers = program.command('timers').description('pending timers: escalations, reminders, checks');

  timers
    .command('list')
    .description('pending timers, soonest first')
    .option('--limit <n>', 'how many', parsePositiveInteger, 50)
    .action(async (options: { limit: number }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const list = await target.timers.list(options.limit);
        output.table(
          list.map((timer) => ({ dueAt: timer.dueAt.toISOString(), automation: timer.automation, kind: timer.kind, subject: timer.subject, id: timer.id })),
          ['dueAt', 'automation', 'kind', 'subject', 'id'],
          'No pending timers.',
        );
      });
    });
}
