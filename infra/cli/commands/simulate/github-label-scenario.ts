import type { Command } from 'commander';
import { withTarget, type CliIo } from '../../cli-context';
import { oneOf, parseCount } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { labelWebhook } from '../../scenarios/github-webhook-payloads';
import { sendSignedGitHubRequest } from '../../scenarios/send-signed-github-request';
import { githubWebhookSecretOf, parseRepositoryOption, repositoryOption } from './github-repository-option';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

interface GitHubLabelOptions {
  action: string;
  repo: string;
  name: string;
  color: string;
  description?: string;
  previousName?: string;
  sender: string;
  retries: number;
  url?: string;
  wait: boolean;
}

const ACTIONS = ['created', 'edited', 'deleted'];

/** `simulate github-label`: a repository label is created, edited or deleted (`label`), signed like GitHub signs it. */
export function registerGitHubLabelScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('github-label')
    .description('a GitHub repository label is created, edited (renamed with --previous-name) or deleted (webhook `label`)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate github-label --name customer-blue-heron --description "Globex"\n  switchboard simulate github-label --action deleted --name customer-blue-heron')
    .option('--action <action>', 'created, edited or deleted', oneOf(ACTIONS, 'a label action'), 'created')
    .option('--repo <repo>', 'confidential, public, or owner/name', parseRepositoryOption, 'confidential')
    .option('--name <name>', 'the label', 'customer-blue-heron')
    .option('--color <hex>', 'its colour, six hex digits', '5319e7')
    .option('--description <text>', "its description (in the confidential repository, the customer's name)", 'Example Customer Inc.')
    .option('--previous-name <name>', 'with --action edited: the name it had (a rename)')
    .option('--sender <login>', 'who changed it', 'octocat')
    .option('--retries <n>', 'also redeliver the same webhook N times (same X-GitHub-Delivery)', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: GitHubLabelOptions, command: Command) => {
      if (!/^[0-9a-fA-F]{6}$/.test(options.color)) throw new CliError('--color must be six hex digits, like 5319e7');
      if (options.previousName !== undefined && options.action !== 'edited') throw new CliError('--previous-name goes with --action edited');
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const secret = githubWebhookSecretOf(await target.secrets());
        const { config } = await target.configs.current();
        const repository = repositoryOption(config, options.repo);
        const payload = labelWebhook({
          action: options.action as 'created' | 'edited' | 'deleted',
          repository,
          name: options.name,
          color: options.color.toLowerCase(),
          description: options.description ?? null,
          ...(options.previousName === undefined ? {} : { previousName: options.previousName }),
          sender: { login: options.sender, type: 'User' },
        });
        const url = `${baseUrl}/webhooks/github`;
        let deliveryId: string | undefined;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedGitHubRequest({ url, event: 'label', payload, secret, ...(deliveryId === undefined ? {} : { deliveryId }) });
          deliveryId = answer.deliveryId;
          output.say(`${attempt === 0 ? 'Sent' : `Redelivery ${attempt} of`} label ${options.action} ${answer.deliveryId} (${options.name} in ${repository}) to ${url}: HTTP ${answer.status} ${answer.body}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the webhook (HTTP ${answer.status})`);
        }
        const runs = options.wait ? await waitForRuns(target, deliveryId as string) : [];
        output.record({ deliveryId, runs }, () => describeRuns(runs));
      });
    });
}
