import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { ActiveConfig } from '../../../shared/config/config-store';
import { diffConfig, type ConfigChange } from '../../../shared/config/diff-config';
import { parseConfig } from '../../../shared/config/parse-config';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';

/** `switchboard config apply|show|diff`: the versioned business rules. */
export function registerConfigCommands(program: Command, io: CliIo): void {
  const config = program
    .command('config')
    .description('the configuration: business hours, channels, the rules of each automation')
    .addHelpText('after', '\nExamples:\n  switchboard config show\n  switchboard config diff switchboard.config.yaml\n  switchboard config apply switchboard.config.yaml');

  config
    .command('apply <file>')
    .description('validate FILE and store it as the new configuration version (nothing, if it is the one in force)')
    .addHelpText('after', '\nExamples:\n  switchboard config diff switchboard.config.yaml    # what would change\n  switchboard config apply switchboard.config.yaml\n\nThe running Switchboard picks a new version up within a second.')
    .action(async (file: string, _options: unknown, command: Command) => {
      const next = parseConfig(await readFileOrFail(file), file);
      await withTarget(command, io, async (target, output) => {
        const { version, previous, unchanged } = await target.configs.apply(next, { source: file });
        const changes = previous === undefined || unchanged ? [] : diffConfig(previous.config, next);
        output.record({ version, previous: previous?.version ?? null, unchanged, changes }, () =>
          unchanged
            ? [`Nothing to apply: ${file} is configuration v${version}, in force in ${target.description}.`]
            : [
                `Applied ${file} as configuration v${version} to ${target.description}.`,
                ...(previous === undefined ? [] : [`Changes from v${previous.version}:`, ...changes.map(describeChange)]),
              ],
        );
      }, { write: true });
    });

  config
    .command('show [version]')
    .description('print the configuration in force, or version VERSION (e.g. v3), as YAML')
    .option('--history', 'list the versions instead')
    .addHelpText('after', '\nExamples:\n  switchboard config show\n  switchboard config show v3\n  switchboard config show --history')
    .action(async (version: string | undefined, options: { history?: boolean }, command: Command) => {
      const wanted = version === undefined ? undefined : parseVersion(version);
      await withTarget(command, io, async (target, output) => {
        if (options.history) {
          const versions = await target.configs.history(50);
          output.table(
            versions,
            [
              { header: 'version', cell: (v) => `v${v.version}`, keep: true },
              { header: 'applied at', cell: (v) => output.time(v.appliedAt) },
              { header: 'source', cell: (v) => v.source },
            ],
            'No configuration has been applied yet: run `switchboard config apply switchboard.config.yaml`.',
          );
          return;
        }
        const active: ActiveConfig | undefined = wanted === undefined ? await target.configs.current() : await target.configs.version(wanted);
        if (active === undefined) {
          const latest = (await target.configs.history(1))[0]?.version;
          throw new CliError(`there is no configuration v${wanted}${latest === undefined ? '' : `; the versions are v1 to v${latest}`}`);
        }
        // YAML 1.1 rules for quoting, so that no reader takes a time like 16:00 for a number (960).
        output.record(active, () => [`# v${active.version}, applied ${output.time(active.appliedAt)} from ${active.source}`, stringify(active.config, { version: '1.1' }).trimEnd()]);
      });
    });

  config
    .command('diff <file>')
    .description('show what applying FILE would change')
    .addHelpText('after', '\nExample:\n  switchboard config diff switchboard.config.yaml')
    .action(async (file: string, _options: unknown, command: Command) => {
      const next = parseConfig(await readFileOrFail(file), file);
      await withTarget(command, io, async (target, output) => {
        const current = await target.configs.current();
        const changes = diffConfig(current.config, next);
        output.record({ version: current.version, changes }, () =>
          changes.length === 0 ? [`${file} matches configuration v${current.version}: nothing to apply.`] : [`${file} against v${current.version}:`, ...changes.map(describeChange)],
        );
      });
    });
}

/** "v3" or "3". */
function parseVersion(value: string): number {
  const match = /^v?(\d+)$/i.exec(value.trim());
  const version = match === null ? Number.NaN : Number(match[1]);
  if (!Number.isInteger(version) || version < 1) throw new CliError(`"${value}" is not a configuration version; write it like v3`);
  return version;
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
