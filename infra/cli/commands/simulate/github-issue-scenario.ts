import { InvalidArgumentError, Option, type Command } from 'commander';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { oneOf, parseCount, parsePositiveInteger } from '../../option-parsers';
import { issueLabelWebhook, issueStateWebhook } from '../../scenarios/github-webhook-payloads';
import { sendSignedGitHubRequest } from '../../scenarios/send-signed-github-request';
import { githubWebhookSecretOf, parseRepositoryOption, repositoryOption } from './github-repository-option';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

const ACTIONS = ['labeled', 'unlabeled', 'closed', 'reopened'] as const;
type IssuesAction = (typeof ACTIONS)[number];

interface GitHubIssueOptions {
  action: IssuesAction;
  label?: string;
  labels: string[];
  issue: number;
  repo: string;
  sender: string;
  retries: number;
  url?: string;
  wait: boolean;
}

/** `simulate github-issue`: a label is added to or removed from an issue, or it is closed or reopened (`issues`), signed like GitHub signs it. */
export function registerGitHubIssueScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('github-issue')
    .description('a GitHub issue is labeled, unlabeled, closed or reopened (webhook `issues`): the investigation clock starts, stops or restarts')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  switchboard simulate github-issue --issue 42                       # "~investigate" added: the check is due in 2 business days',
        '  switchboard timers list                                            # the check, and when it fires',
        '  switchboard simulate github-issue --issue 42 --action unlabeled    # removed before the check: the clock stops',
        '  switchboard simulate github-issue --issue 42 --action closed       # closing the issue stops it too',
        '  switchboard simulate github-issue --issue 42 --action reopened     # reopened still carrying the label: a fresh clock',
        '  switchboard simulate github-issue --action labeled --label bug --repo example-org/product --issue 7',
      ].join('\n'),
    )
    .option('--action <action>', `what happened to the issue: ${ACTIONS.join(', ')}`, oneOf(ACTIONS, 'an issues action'), 'labeled')
    .option('--label <name>', 'the label added (labeled) or removed (unlabeled); with closed or reopened, a label the issue carries (default: the investigate label of the configuration)', parseLabelName)
    .addOption(new Option('--labels <names>', "the issue's other labels, comma-separated").argParser(parseLabelList).default(['bug'], '"bug"'))
    .option('--issue <number>', 'the issue number', parsePositiveInteger, 1)
    .option('--repo <repo>', 'public, confidential, or owner/name', parseRepositoryOption, 'public')
    .option('--sender <login>', 'who did it', parseLogin, 'octocat')
    .option('--retries <n>', 'also redeliver the same webhook N times (same X-GitHub-Delivery)', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: GitHubIssueOptions, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const secret = githubWebhookSecretOf(await target.secrets());
        const { config } = await target.configs.current();
        const repository = repositoryOption(config, options.repo);
        const label = options.label ?? config.githubLabels.investigation.label;
        const others = options.labels.filter((name) => name.toLowerCase() !== label.toLowerCase());
        const sender = { login: options.sender, type: options.sender.endsWith('[bot]') ? ('Bot' as const) : ('User' as const) };
        const issue = { repository, number: options.issue };
        const payload =
          options.action === 'labeled' || options.action === 'unlabeled'
            ? issueLabelWebhook({ ...issue, action: options.action, state: 'open', labels: options.action === 'labeled' ? [...others, label] : others, label, sender })
            : issueStateWebhook({ ...issue, action: options.action, labels: [...others, label], sender });
        const url = `${baseUrl}/webhooks/github`;
        const what = options.action === 'labeled' ? `"${label}" added to` : options.action === 'unlabeled' ? `"${label}" removed from` : `${options.action}:`;
        let deliveryId: string | undefined;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedGitHubRequest({ url, event: 'issues', payload, secret, ...(deliveryId === undefined ? {} : { deliveryId }) });
          deliveryId = answer.deliveryId;
          output.say(`${attempt === 0 ? 'Sent' : `Redelivery ${attempt} of`} issues ${options.action} ${answer.deliveryId} (${what} ${repository}#${options.issue}) to ${url}: HTTP ${answer.status} ${answer.body}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the webhook (HTTP ${answer.status})`);
        }
        const runs = options.wait ? await waitForRuns(target, deliveryId as string) : [];
        output.record({ deliveryId, runs }, () => describeRuns(runs));
      });
    });
}

/** A label's name: not empty. */
function parseLabelName(value: string): string {
  const name = value.trim();
  if (name === '') throw new InvalidArgumentError('a label needs a name.');
  return name;
}

/** Label names, comma-separated (none: an empty value). */
function parseLabelList(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A GitHub login: letters, digits and single hyphens, up to 39 characters; an app's bot ends in `[bot]`. */
function parseLogin(value: string): string {
  if (!/^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}(\[bot\])?$/i.test(value)) throw new InvalidArgumentError(`"${value}" is not a GitHub login.`);
  return value;
}
