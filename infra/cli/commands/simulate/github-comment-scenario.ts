import type { Command } from 'commander';
import { withTarget, type CliIo } from '../../cli-context';
import { oneOf, parseCount, parsePositiveInteger } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { issueCommentWebhook } from '../../scenarios/github-webhook-payloads';
import { sendSignedGitHubRequest } from '../../scenarios/send-signed-github-request';
import { githubWebhookSecretOf, parseRepositoryOption, repositoryOption } from './github-repository-option';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

interface GitHubCommentOptions {
  repo: string;
  issue: number;
  commenter: string;
  association: string;
  bot?: boolean;
  state: string;
  labels: string;
  pullRequest?: boolean;
  retries: number;
  url?: string;
  wait: boolean;
}

/** `simulate github-comment`: someone comments on an issue (`issue_comment` created), signed like GitHub signs it. */
export function registerGitHubCommentScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('github-comment')
    .description('someone comments on a GitHub issue or pull request (webhook `issue_comment` created)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate github-comment                       # a community member answers: the "+" labels go\n  switchboard simulate github-comment --commenter OctoCat   # a team member: filtered, and the run says why')
    .option('--repo <repo>', 'public, confidential, or owner/name', parseRepositoryOption, 'public')
    .option('--issue <number>', 'the issue or pull request number', parsePositiveInteger, 1)
    .option('--commenter <login>', 'who comments', 'a-community-member')
    .option('--association <association>', "GitHub's author_association: NONE, CONTRIBUTOR, COLLABORATOR, MEMBER, OWNER, …", 'NONE')
    .option('--bot', 'the commenter is a bot account (type Bot)')
    .option('--state <state>', 'open or closed', oneOf(['open', 'closed'], 'an issue state'), 'open')
    .option('--labels <names>', 'the labels on the issue, comma-separated', '+more info please,bug')
    .option('--pull-request', 'a pull request rather than an issue')
    .option('--retries <n>', 'also redeliver the same webhook N times (same X-GitHub-Delivery)', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: GitHubCommentOptions, command: Command) => {
      if (!Number.isInteger(options.issue) || options.issue < 1) throw new CliError('--issue must be a positive whole number');
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const secret = githubWebhookSecretOf(await target.secrets());
        const { config } = await target.configs.current();
        const repository = repositoryOption(config, options.repo);
        const payload = issueCommentWebhook({
          repository,
          number: options.issue,
          state: options.state as 'open' | 'closed',
          labels: options.labels.split(',').map((label) => label.trim()).filter((label) => label !== ''),
          pullRequest: options.pullRequest ?? false,
          commenter: { login: options.commenter, type: options.bot === true ? 'Bot' : 'User' },
          association: options.association.toUpperCase(),
          body: 'Here are the logs you asked for.',
        });
        const url = `${baseUrl}/webhooks/github`;
        let deliveryId: string | undefined;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedGitHubRequest({ url, event: 'issue_comment', payload, secret, ...(deliveryId === undefined ? {} : { deliveryId }) });
          deliveryId = answer.deliveryId;
          output.say(`${attempt === 0 ? 'Sent' : `Redelivery ${attempt} of`} issue_comment ${answer.deliveryId} (${options.commenter} on ${repository}#${options.issue}) to ${url}: HTTP ${answer.status} ${answer.body}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the webhook (HTTP ${answer.status})`);
        }
        const runs = options.wait ? await waitForRuns(target, deliveryId as string) : [];
        output.record({ deliveryId, runs }, () => describeRuns(runs));
      });
    });
}
