import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { diffConfig, type ConfigChange } from '../../../shared/config/diff-config';
import { parseConfig } from '../../../shared/config/parse-config';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';

/** `switchboard config apply|show|diff`: the versioned business rules. */
export function registerConfigCommands(program: Command, io: CliIo): void {
  const config = program.command('config').description('the configuration: business hours, channels, the rules of each automation');

  config
    .command('apply <file>')
    .description('validate FILE and store it as the new configuration version')
    .action(async (file: string, _options: unknown, command: Command) => {
      const next = parseConfig(await readFileOrFail(file), file);
      await withTarget(command, io, async (target, output) => {
        const { version, previous, unchanged } = await target.configs.apply(next, { source: file });
        const changes = previous === undefined ? [] : diffConfig(previous.config, next);
        output.record({ version, previous: previous?.version ?? null, unchanged, changes }, () => [
          `Applied ${file} as configuration v${version} to ${target.description}.`,
          ...(previous === undefined ? [] : unchanged ? [`No changes from v${previous.version}.`] : [`Changes from v${previous.version}:`, ...changes.map(describeChange)]),
        ]);
      }, { write: true });
    });

  config
    .command('show')
    .description('print the configuration in force (or an earlier version) as YAML')
    .option('--version <n>', 'an earlier version', parsePositiveInteger)
    .option('--history', 'list the versions instead')
    .action(async (options: { version?: number; history?: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        if (options.history) {
          const versions = await target.configs.history(50);
          output.table(versions, ['version', 'appliedAt', 'source'], 'No configuration has been applied yet.');
          return;
        }
        const active = options.version === undefined ? await target.configs.current() : await target.configs.version(options.version);
        if (active === undefined) throw new CliError(`there is no configuration v${options.version}`);
        output.record(active, () => [`# v${active.version}, applied ${active.appliedAt} from ${active.source}`, stringify(active.config).trimEnd()]);
      });
    });

  config
    .command('diff <file>')
    .description('show what applying FILE would change')
    .action(async (file: string, _options: unknown, command: Command) => {
      const next = parseConfig(await readFileOrFail(file), file);
      await withTarget(command, io, async (target, output) => {
        const current = await target.configs.current();
        const changes = diffConfig(current.config, next);
        output.record({ version: current.version, changes }, () =>
          changes.length === 0 ? [`${file} matches configuration v${current.version}.`] : [`${file} against v${current.version}:`, ...changes.map(describeChange)],
        );
      });
    });
}

function describeChange(change: ConfigChange): string {
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));
  return `  ${change.path}: ${show(change.before)} → ${show(change.after)}`;
}

async function readFileOrFail(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new CliError(`"${value}" is not a positive whole number`);
  return number;
}
