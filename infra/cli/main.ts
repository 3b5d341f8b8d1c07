import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../shared/config/validate-config';
import { ConfigMissingError } from '../../shared/config/config-store';
import { processIo, type CliIo } from './cli-context';
import { CliError } from './cli-error';
import { registerChannelsCommands } from './commands/channels-command';
import { registerCodenamesCommands } from './commands/codenames-command';
import { registerConfigCommands } from './commands/config-command';
import { registerIncidentsCommands } from './commands/incidents-command';
import { registerOutboxCommands } from './commands/outbox-command';
import { registerRunsCommands } from './commands/runs-command';
import { registerSimulateCommands } from './commands/simulate-command';
import { registerTimersCommands } from './commands/timers-command';

/** The admin CLI (SPEC §2): works on the local Switchboard, or a deployed one with `--stack NAME`. */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('switchboard')
    .description('Operate Switchboard: configuration, channels, runs, incidents, timers, codenames, dry-run outbox, simulated webhooks.')
    .option('--json', 'print JSON instead of tables')
    .option('--stack <name>', 'work on the deployed CloudFormation stack NAME instead of the local runtime')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerConfigCommands(program, io);
  registerChannelsCommands(program, io);
  registerRunsCommands(program, io);
  registerOutboxCommands(program, io);
  registerIncidentsCommands(program, io);
  registerTimersCommands(program, io);
  registerCodenamesCommands(program, io);
  registerSimulateCommands(program, io);
  return program;
}

/** Runs the CLI; resolves with the exit code. Known failures print one clear line, never a stack. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const program = createProgram(io).exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError || error instanceof ConfigMissingError || error instanceof CliError) {
      io.stderr(`switchboard: ${error.message}\n`);
      return 1;
    }
    io.stderr(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env['LOG_LEVEL']?.toUpperCase() === 'DEBUG') io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
