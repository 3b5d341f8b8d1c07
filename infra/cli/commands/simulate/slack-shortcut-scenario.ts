import type { Command } from 'commander';
import { dateToSlackTs } from '../../../../shared/providers/slack/slack-ts';
import { withTarget, type CliIo } from '../../cli-context';
import { parseCount } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { customerChannelOf, prepareSlackSimulation } from './slack-simulation';
import { sendSignedSlackRequest } from '../../scenarios/send-signed-slack-request';
import { newSlackTriggerId, slackShortcutPayload } from '../../scenarios/slack-shortcut-payload';
import { describeRuns, waitForRuns } from './simulation';

/** `simulate slack-shortcut`: a team member sends a customer's message to the customer questions sheet. */
export function registerSlackShortcutScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('slack-shortcut')
    .description('a team member uses the "Send to customer questions" message shortcut (Slack interactivity `message_action`)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate slack-shortcut --text "Can we export audit logs?"')
    .option('--text <text>', "the customer's message", 'How do we rotate the API key without downtime?')
    .option('--channel <id>', 'the channel (default: the first designated customer channel)')
    .option('--message-ts <ts>', 'the message it is used on (default: a message posted a minute before now)')
    .option('--thread <ts>', 'the message is a reply in this thread')
    .option('--author <id>', 'who wrote the message', 'U0CUSTOMER1')
    .option('--author-team <id>', "the author's workspace", 'T0CUSTOMER1')
    .option('--user <id>', 'who uses the shortcut', 'U0TEAMMATE1')
    .option('--user-name <name>', 'their Slack name', 'robin')
    .option('--callback <id>', "the shortcut's callback id", 'customer-questions:send')
    .option('--retries <n>', 'also send the same payload again N times, as Slack retries do', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: SlackShortcutOptions, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const { baseUrl, serverNow, signingSecret, config } = await prepareSlackSimulation(target, options.url);
        const channel = customerChannelOf(config, options.channel);
        const messageTs = options.messageTs ?? dateToSlackTs(new Date(serverNow.getTime() - 60_000));
        if (!/^\d{9,11}\.\d{1,6}$/.test(messageTs)) throw new CliError(`--message-ts "${messageTs}" is not a Slack ts like 1795406400.000200`);

        const triggerId = newSlackTriggerId();
        const payload = slackShortcutPayload({
          teamId: config.company.slack.teamId,
          callbackId: options.callback,
          user: options.user,
          userName: options.userName,
          userTeam: config.company.slack.teamId,
          channel,
          channelName: config.afterHours.customerChannels.find((c) => c.id === channel)?.customer.toLowerCase().replace(/[^a-z0-9]+/g, '-') ?? 'shared',
          messageTs,
          messageUser: options.author,
          messageUserTeam: options.authorTeam,
          text: options.text,
          actionTs: dateToSlackTs(serverNow),
          triggerId,
          ...(options.thread === undefined ? {} : { threadTs: options.thread }),
        });
        const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
        const url = `${baseUrl}/webhooks/slack/interactions`;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedSlackRequest({
            url,
            body,
            contentType: 'application/x-www-form-urlencoded',
            signingSecret,
            timestampSeconds: Math.floor(serverNow.getTime() / 1000),
            ...(attempt === 0 ? {} : { retryNum: attempt }),
          });
          output.say(`${attempt === 0 ? 'Sent' : `Retry ${attempt} of`} shortcut ${triggerId} on message ${messageTs} to ${url}: HTTP ${answer.status}${answer.body === '' ? '' : ` ${answer.body}`}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the shortcut (HTTP ${answer.status})`);
        }
        const runs = options.wait ? await waitForRuns(target, triggerId) : [];
        output.record({ triggerId, messageTs, runs }, () => describeRuns(runs));
      });
    });
}

interface SlackShortcutOptions {
  text: string;
  channel?: string;
  messageTs?: string;
  thread?: string;
  author: string;
  authorTeam: string;
  user: string;
  userName: string;
  callback: string;
  retries: number;
  url?: string;
  wait: boolean;
}
