import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../shared/config/parse-config';
import { ConfigMissingError } from '../../shared/config/config-store';
import { CliError } from './cli-context';
import { registerChannelsCommands } from './commands/channels-command';
import { registerConfigCommands } from './commands/config-command';
import { registerOutboxCommands } from './commands/outbox-command';
import { registerRunsCommands } from './commands/runs-command';
import { registerSimulateCommands } from './commands/simulate-command';

/** The admin CLI (SPEC §2): works on the local Switchboard, or a deployed one with `--stack NAME`. */
export function createProgram(): Command {
  const program = new Command('switchboard')
    .description('Operate Switchboard: configuration, channels, run history, dry-run outbox, simulated webhooks.')
    .option('--json', 'print JSON instead of tables')
    .option('--stack <name>', 'work on the deployed CloudFormation stack NAME instead of the local runtime')
    .showHelpAfterError('(run with --help for usage)');
  registerConfigCommands(program);
  registerChannelsCommands(program);
  registerRunsCommands(program);
  registerOutboxCommands(program);
  registerSimulateCommands(program);
  return program;
}

/** Runs the CLI; resolves with the exit code. Known failures print one clear line, never a stack. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram().exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError || error instanceof ConfigMissingError || error instanceof CliError) {
      process.stderr.write(`switchboard: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`switchboard: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env['LOG_LEVEL']?.toUpperCase() === 'DEBUG') process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
