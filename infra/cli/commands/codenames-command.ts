import type { Command } from 'commander';
import { readCodenameState } from '../../../functions/codename-sync/codename-state';
import { describeDrift } from '../../../functions/codename-sync/drift-report';
import { findDrift, type Drift } from '../../../functions/codename-sync/find-drift';
import { repairDrift, type Repair } from '../../../functions/codename-sync/repair-drift';
import { syncSettingsOf, type SyncSettings } from '../../../functions/codename-sync/sync-settings';
import { labelSettingsOf } from '../../../functions/github-labels/label-settings';
import type { RepositoryRef } from '../../../shared/events/github-events';
import type { GitHub } from '../../../shared/providers/github/github';
import { repositoryName } from '../../../shared/providers/github/github';
import { LabelExistsError } from '../../../shared/providers/github/github-errors';
import { ProviderError } from '../../../shared/providers/provider-error';
import type { RunRecord } from '../../../shared/runs/run';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import { githubForTarget } from '../github-for-target';
import { salesforceForTarget } from '../salesforce-for-target';
import type { Target } from '../../admin/target';
import { waitFor } from '../wait-for';

/** GitHub's limit for a label's description, which holds the customer's name. */
const DESCRIPTION_LIMIT = 100;

interface AssignOptions {
  customer: string;
  color: string;
  wait: boolean;
}

/**
 * `switchboard codenames assign CODENAME --customer NAME`: the handbook's ritual in one command. The
 * codename must match the configured pattern and be unused in both repositories; the confidential label
 * is created with the customer's name as its description, and Switchboard's github-labels automation
 * then mirrors it (without the name) and announces `codename.assigned` when GitHub's webhook arrives.
 * The customer's name is printed nowhere, error messages included.
 */
export function registerCodenamesCommands(program: Command, io: CliIo): void {
  const codenames = program
    .command('codenames')
    .description("customer codename labels: the confidential repository's, mirrored to the public one")
    .addHelpText('after', '\nExamples:\n  switchboard codenames assign customer-blue-heron --customer "Globex"\n  switchboard codenames reconcile --fix');

  codenames
    .command('assign <codename>')
    .description('create a customer codename label in the confidential repository (mirrored to the public one by the automation)')
    .addHelpText('after', '\nExamples:\n  switchboard codenames assign customer-silver-fox --customer "Initech"')
    .requiredOption('--customer <name>', "the customer's name: the confidential label's description, never written anywhere public")
    .option('--color <hex>', "the label's colour, six hex digits", 'd4c5f9')
    .option('--no-wait', 'do not wait for the public copy')
    .action(async (codename: string, options: AssignOptions, command: Command) => {
      const customer = options.customer.trim();
      if (customer === '') throw new CliError('--customer is empty: name the customer');
      if (customer.length > DESCRIPTION_LIMIT) throw new CliError(`--customer is longer than ${DESCRIPTION_LIMIT} characters, GitHub's limit for a label description: shorten it`);
      if (!/^[0-9a-fA-F]{6}$/.test(options.color)) throw new CliError('--color must be six hex digits, like d4c5f9');

      await withTarget(command, io, async (target, output) => {
        const { config } = await target.configs.current();
        const { pattern, repositories } = labelSettingsOf(config).codenames;
        if (!pattern.test(codename)) throw new CliError(`"${codename}" does not match the codename pattern ${pattern.source} (githubLabels.codenames.pattern)`);
        if (repositories === undefined) throw new CliError('no codename repositories: set githubLabels.repositories (public and confidential) in the configuration');

        const github = await githubForTarget(target, io.env);
        if (github.mode === 'live') {
          for (const repository of [repositories.confidential, repositories.public]) {
            const existing = await read(() => github.getLabel(repository, codename));
            if (existing !== undefined) throw new CliError(`"${existing.name}" is already a label in ${repositoryName(repository)}: pick another codename`);
          }
        }
        await create(github, repositories.confidential, { name: codename, color: options.color.toLowerCase(), description: customer });

        const where = repositoryName(repositories.confidential);
        if (github.mode === 'dry-run') {
          output.record({ codename, repository: where, mode: 'dry-run', mirrored: null }, () => [
            `Dry-run (no GITHUB_TOKEN, nor GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY): the creation of ${codename} in ${where} is recorded in the outbox, and nothing reached GitHub, so no webhook follows.`,
            `To see the automation mirror it: switchboard simulate github-label --repo confidential --name ${codename} --description "…"`,
          ]);
          return;
        }
        const mirrored = options.wait ? await waitForMirror(target, codename) : undefined;
        output.record({ codename, repository: where, mode: 'live', mirrored: mirrored === undefined ? null : { runId: mirrored.runId, status: mirrored.status } }, () => [
          `Created ${codename} in ${where}.`,
          mirrored === undefined
            ? `Switchboard copies it to ${repositoryName(repositories.public)} (without the customer's name) and announces codename.assigned when GitHub's label webhook arrives: see \`switchboard runs list --automation github-labels\`.`
            : `Switchboard copied it to ${repositoryName(repositories.public)}: run ${mirrored.runId} ${mirrored.status}.`,
        ]);
      }, { write: true });
    });

  codenames
    .command('reconcile')
    .description("compare both repositories' codename labels with the Salesforce Accounts' label field; --fix repairs what it can and lists the rest")
    .addHelpText('after', '\nExamples:\n  switchboard codenames reconcile              # what differs between the repositories and Salesforce\n  switchboard codenames reconcile --fix        # repair what can be repaired without guessing')
    .option('--fix', 'repair what can be repaired without guessing (a second --fix changes nothing)')
    .action(async (options: { fix?: boolean }, command: Command) => {
      await withTarget(
        command,
        io,
        async (target, output) => {
          const { config } = await target.configs.current();
          const settings = syncSettingsOf(config);
          if (settings.repositories === undefined) throw new CliError('no codename repositories: set githubLabels.repositories (public and confidential) in the configuration');
          const github = await githubForTarget(target, io.env);
          const salesforce = await salesforceForTarget(target, io.env);
          const ports = { github, salesforce };
          const dryRun = [github.mode === 'dry-run' ? 'GitHub (set GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY)' : undefined, salesforce.mode === 'dry-run' ? 'Salesforce (set SALESFORCE_LOGIN_URL, SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET)' : undefined].filter(
            (name): name is string => name !== undefined,
          );
          const drift = findDrift(await provider(() => readCodenameState(github, salesforce, settings)), settings);
          const note = dryRun.length === 0 ? [] : [`Dry-run: ${dryRun.join(' and ')} cannot be read here, so what follows compares nothing real.`];
          if (options.fix !== true) {
            output.record({ drift: drift.map((difference) => driftRecord(difference, settings)) }, () => [
              ...note,
              ...(drift.length === 0 ? ['No drift: both repositories and Salesforce agree.'] : [`${drift.length} difference${drift.length === 1 ? '' : 's'}:`, ...drift.map((difference) => `  ${difference.label.padEnd(28)} ${describeDrift(difference, settings)}`), 'Run with --fix to repair what can be repaired.']),
            ]);
            return;
          }
          const repairs = await provider(() => repairDrift(drift, ports, settings));
          const remaining = findDrift(await provider(() => readCodenameState(github, salesforce, settings)), settings);
          output.record(
            { repairs: repairs.map((repair) => repairRecord(repair, settings)), remaining: remaining.map((difference) => driftRecord(difference, settings)) },
            () => [
              ...note,
              ...(repairs.length === 0 ? ['No drift: nothing to repair.'] : repairs.map((repair) => `  ${repair.outcome === 'fixed' ? 'fixed' : 'left '}  ${repair.drift.label.padEnd(28)} ${describeDrift(repair.drift, settings)}: ${repair.detail}${candidateLines(repair)}`)),
              remaining.length === 0 ? 'Nothing left: both repositories and Salesforce agree.' : `${remaining.length} difference${remaining.length === 1 ? '' : 's'} left for a person (above).`,
            ],
          );
        },
        { write: options.fix === true },
      );
    });
}

/** A difference for `--json`: Accounts by id only (their names are customers'). */
function driftRecord(drift: Drift, settings: SyncSettings) {
  const accounts = 'accounts' in drift ? drift.accounts.map((account) => account.id) : [];
  return { label: drift.label, kind: drift.kind, description: describeDrift(drift, settings), accounts };
}

function repairRecord(repair: Repair, settings: SyncSettings) {
  return { ...driftRecord(repair.drift, settings), outcome: repair.outcome, detail: repair.detail, candidates: repair.outcome === 'left' ? repair.candidates : [] };
}

function candidateLines(repair: Repair): string {
  if (repair.outcome !== 'left' || repair.candidates.length === 0) return '';
  return repair.candidates.map((candidate) => `\n           candidate: ${candidate.id} ${candidate.url}`).join('');
}

/** A call to GitHub or Salesforce, its failure said plainly (never with a customer's name: provider errors carry none). */
async function provider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderError) throw new CliError(`${error.provider === 'github' ? 'GitHub' : 'Salesforce'} could not be reached: ${error.message}`);
    throw error;
  }
}

/** A read of GitHub, its failure said plainly. */
async function read<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ProviderError) throw new CliError(`GitHub could not be read: ${error.message}`);
    throw error;
  }
}

/** Creates the label; a failure names the codename and GitHub's answer, never the description (the customer's name). */
async function create(github: GitHub, repository: RepositoryRef, label: { name: string; color: string; description: string }): Promise<void> {
  try {
    await github.createLabel(repository, label);
  } catch (error) {
    if (error instanceof LabelExistsError) throw new CliError(`"${label.name}" was just created in ${repositoryName(repository)} by someone else: pick another codename`);
    if (error instanceof ProviderError) throw new CliError(`GitHub did not create ${label.name} in ${repositoryName(repository)}: ${error.message}`);
    throw error;
  }
}

/** The run that copied the codename to the public repository, once GitHub's webhook has led to it (up to 5 seconds). */
async function waitForMirror(target: Target, codename: string): Promise<RunRecord | undefined> {
  return waitFor(async () => {
    const runs = await target.runs.list({ automation: 'github-labels', limit: 50 });
    return runs.find((run) => run.event.detailType === 'github.codename.mirror.requested' && run.event.detail.label.name === codename);
  });
}
