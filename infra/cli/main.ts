import { Command, CommanderError } from 'commander';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { ConfigError } from '../../shared/config/validate-config';
import { ConfigMissingError } from '../../shared/config/config-store';
import { processIo, type CliIo } from './cli-context';
import { CliError } from './cli-error';
import { OperationError } from '../admin/operation-error';
import { registerChannelsCommands } from './commands/channels-command';
import { registerCodenamesCommands } from './commands/codenames-command';
import { registerConfigCommands } from './commands/config-command';
import { registerConsoleCommand } from './commands/console-command';
import { registerDeliveriesCommands } from './commands/deliveries-command';
import { registerIncidentsCommands } from './commands/incidents-command';
import { registerOutboxCommands } from './commands/outbox-command';
import { registerRunsCommands } from './commands/runs-command';
import { registerSimulateCommands } from './commands/simulate-command';
import { registerTimersCommands } from './commands/timers-command';

/** The admin CLI (SPEC §2): works on the local Switchboard, or a deployed one with `--stack NAME`. */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('switchboard')
    .description('Operate Switchboard: configuration, channels, runs, incidents, timers, codenames, dry-run outbox, simulated webhooks, the web console.')
    .version(SWITCHBOARD_VERSION, '-V, --version', 'print the version')
    .option('--json', 'print JSON instead of tables (errors too: one JSON object on stderr)')
    .option('--utc', 'show times in UTC instead of the business time zone')
    .option('--stack <name>', 'work on the deployed CloudFormation stack NAME instead of the local runtime (your AWS credentials: AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nExamples:\n  switchboard simulate slack-message        a customer writes, signed like Slack signs it\n  switchboard runs list --follow             runs as they finish\n  switchboard runs replay <run id>           run a failed run again\n  switchboard --stack Switchboard runs list  the deployed stack\n\nEvery command has its own --help with examples.',
    )
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (message, write) => write(`switchboard: ${commanderMessage(message)}`) })
    // Before the commands are registered, so that each inherits it: a bad option ends in an exit code, not process.exit.
    .exitOverride();
  registerConfigCommands(program, io);
  registerChannelsCommands(program, io);
  registerRunsCommands(program, io);
  registerDeliveriesCommands(program, io);
  registerOutboxCommands(program, io);
  registerIncidentsCommands(program, io);
  registerTimersCommands(program, io);
  registerCodenamesCommands(program, io);
  registerSimulateCommands(program, io);
  registerConsoleCommand(program, io);
  return program;
}

/**
 * Runs the CLI; resolves with the exit code. Known failures print one clear line (a JSON object with
 * `--json`), never a stack; AWS failures say what to set.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  const program = createProgram(json ? { ...io, stderr: () => undefined } : io);
  const fail = (message: string, code = 1) => {
    io.stderr(json ? `${JSON.stringify({ error: message, exitCode: code })}\n` : `switchboard: ${message}\n`);
    return code;
  };
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return json ? fail(commanderMessage(error.message), error.exitCode) : error.exitCode;
    }
    if (error instanceof ConfigError || error instanceof ConfigMissingError || error instanceof CliError || error instanceof OperationError) return fail(error.message);
    const aws = awsSetupProblem(error);
    if (aws !== undefined) return fail(aws);
    if (io.env['LOG_LEVEL']?.toUpperCase() === 'DEBUG' && !json) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Commander's message in the CLI's own words: "--issue "forty" is not a whole number of 1 or more." rather than
 * "error: option '--issue <number>' argument 'forty' is invalid. "forty" is not…".
 */
function commanderMessage(message: string): string {
  const withoutPrefix = message.replace(/^error: /, '');
  const invalid = /^option '(-\S+, )?(--?[\w-]+)[^']*' argument '[\s\S]*' is invalid\. ([\s\S]*)$/.exec(withoutPrefix);
  return invalid === null ? withoutPrefix : `${invalid[2]} ${invalid[3]}`;
}

/** An AWS SDK failure that means the admin's AWS set-up is missing something, said as what to set. */
function awsSetupProblem(error: unknown): string | undefined {
  const { name, message } = error instanceof Error ? error : { name: '', message: String(error) };
  if (/region is missing/i.test(message)) return 'no AWS region: set AWS_REGION (e.g. AWS_REGION=us-east-1), or use a profile that has one (AWS_PROFILE)';
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) return 'no AWS credentials: set AWS_PROFILE (after `aws configure` or `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
  if (name === 'ExpiredTokenException' || name === 'ExpiredToken') return 'your AWS credentials have expired: sign in again (`aws sso login`, or new keys)';
  if (name === 'ValidationError' && /does not exist/i.test(message)) return `${message}: check --stack (the stack's name, e.g. Switchboard) and AWS_REGION`;
  return undefined;
}
