import type { Command } from 'commander';
import { dateToSlackTs } from '../../../../shared/providers/slack/slack-ts';
import { withTarget, type CliIo } from '../../cli-context';
import { parseCount, parseInstant } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { customerChannelOf, prepareSlackSimulation } from './slack-simulation';
import { sendSignedSlackRequest } from '../../scenarios/send-signed-slack-request';
import { newSlackEventId, slackMessagePayload } from '../../scenarios/slack-message-payload';
import { describeRuns, waitForRuns } from './simulation';

/** `simulate slack-message`: a customer writes in a shared channel, signed like Slack signs it. */
export function registerSlackMessageScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('slack-message')
    .description('a customer writes in a shared channel (Slack Events API `message`)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate slack-message                          # a customer writes now\n  switchboard simulate slack-message --at 2026-11-22T20:00     # on a Sunday evening (business time zone)\n  switchboard simulate slack-message --team T0EXAMPLE1 --user U0TEAMMATE1   # a team member: filtered')
    .option('--text <text>', 'what they write', 'Our production cluster is down, can someone help?')
    .option('--channel <id>', 'the channel (default: the first designated customer channel)')
    .option('--user <id>', 'the sender', 'U0CUSTOMER1')
    .option('--team <id>', "the sender's workspace (the company's own makes them a team member)", 'T0CUSTOMER1')
    .option('--at <instant>', "when it was posted, ISO-8601; without an offset, in the business time zone (default: now on the server's clock)")
    .option('--thread <ts>', 'reply in this thread')
    .option('--bot <id>', 'send it as this bot instead of a person')
    .option('--subtype <subtype>', 'a message subtype, e.g. message_changed')
    .option('--retries <n>', 'also send the same event again N times, as Slack retries do', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: SlackMessageOptions, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const { baseUrl, serverNow, signingSecret, config } = await prepareSlackSimulation(target, options.url);
        const channel = customerChannelOf(config, options.channel);
        const timeZone = config.businessHours.timeZone;
        const at = options.at === undefined ? undefined : parseInstant(options.at, timeZone);
        if (options.at !== undefined && at === undefined) throw new CliError(`--at "${options.at}" is not an ISO-8601 instant like 2026-11-22T20:00:00 (business time) or 2026-11-23T04:00:00Z`);
        const postedAt = at?.instant ?? serverNow;
        if (at?.assumedZone) output.say(`--at ${options.at} is read in the business time zone: ${output.time(postedAt)} (${postedAt.toISOString()}).`);

        const eventId = newSlackEventId();
        const body = JSON.stringify(
          slackMessagePayload({
            teamId: config.company.slack.teamId,
            channel,
            user: options.user,
            userTeam: options.team,
            text: options.text,
            ts: dateToSlackTs(postedAt),
            eventId,
            ...(options.thread === undefined ? {} : { threadTs: options.thread }),
            ...(options.bot === undefined ? {} : { botId: options.bot }),
            ...(options.subtype === undefined ? {} : { subtype: options.subtype }),
          }),
        );
        const url = `${baseUrl}/webhooks/slack/events`;
        const answers = [];
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedSlackRequest({
            url,
            body,
            contentType: 'application/json',
            signingSecret,
            timestampSeconds: Math.floor(serverNow.getTime() / 1000),
            ...(attempt === 0 ? {} : { retryNum: attempt }),
          });
          answers.push(answer);
          output.say(`${attempt === 0 ? 'Sent' : `Retry ${attempt} of`} message event ${eventId} to ${url}: HTTP ${answer.status} ${answer.body}`);
        }
        if (answers.some((a) => a.status >= 300)) throw new CliError(`Switchboard refused the event (HTTP ${answers.find((a) => a.status >= 300)?.status})`);
        const runs = options.wait ? await waitForRuns(target, eventId) : [];
        output.record({ eventId, answers, runs }, () => describeRuns(runs));
      });
    });

}

interface SlackMessageOptions {
  text: string;
  channel?: string;
  user: string;
  team: string;
  at?: string;
  thread?: string;
  bot?: string;
  subtype?: string;
  retries: number;
  url?: string;
  wait: boolean;
}
