import type { Command } from 'commander';
import { customerChannelSchema } from '../../../shared/config/config-schema';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';

/**
 * `switchboard channels list|add|remove`: the designated customer channels. Each change is a new
 * configuration version, so it shows in `config show --history` and can be rolled back.
 */
export function registerChannelsCommands(program: Command, io: CliIo): void {
  const channels = program
    .command('channels')
    .description('the designated customer channels of the after-hours automation')
    .addHelpText('after', '\nExamples:\n  switchboard channels list\n  switchboard channels add C0123ABCD --customer "Acme Corp"');

  channels
    .command('list')
    .description('list the designated customer channels')
    .addHelpText('after', '\nExample:\n  switchboard channels list --json')
    .action(async (_options: unknown, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const { config, version } = await target.configs.current();
        output.table(
          config.afterHours.customerChannels,
          [
            { header: 'channel', cell: (channel) => channel.id, keep: true },
            { header: 'customer', cell: (channel) => channel.customer },
          ],
          `No customer channels in configuration v${version}. Add one with \`switchboard channels add C0123ABCD --customer "Acme Corp"\`.`,
        );
      });
    });

  channels
    .command('add <channel>')
    .description('designate a Slack channel (its id, e.g. C0123ABCD) as a customer channel')
    .requiredOption('--customer <name>', "the customer's name, used in pages")
    .addHelpText('after', '\nExample:\n  switchboard channels add C0123ABCD --customer "Globex"\n\nThe running Switchboard picks the change up within a second.')
    .action(async (id: string, options: { customer: string }, command: Command) => {
      const parsed = customerChannelSchema.safeParse({ id, customer: options.customer });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      await withTarget(command, io, async (target, output) => {
        const { config } = await target.configs.current();
        if (config.afterHours.customerChannels.some((c) => c.id === id)) throw new CliError(`${id} is already a customer channel`);
        const { version } = await target.configs.change(`channels add ${id}`, (next) => {
          next.afterHours.customerChannels.push(parsed.data);
          return next;
        });
        output.record({ version, added: parsed.data }, () => [`Added ${id} (${parsed.data.customer}) as configuration v${version}; the running Switchboard picks it up within a second.`]);
      }, { write: true });
    });

  channels
    .command('remove <channel>')
    .description('stop treating a channel as a customer channel')
    .addHelpText('after', '\nExample:\n  switchboard channels remove C0123ABCD')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const { config } = await target.configs.current();
        if (!config.afterHours.customerChannels.some((c) => c.id === id)) throw new CliError(`${id} is not a customer channel`);
        const { version } = await target.configs.change(`channels remove ${id}`, (next) => {
          next.afterHours.customerChannels = next.afterHours.customerChannels.filter((c) => c.id !== id);
          return next;
        });
        output.record({ version, removed: id }, () => [`Removed ${id} as configuration v${version}.`]);
      }, { write: true });
    });
}
