import type { Command } from 'commander';
import { dateToSlackTs } from '../../../../shared/providers/slack/slack-ts';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { customerChannelOf, prepareSlackSimulation } from './slack-simulation';
import { sendSignedSlackRequest } from '../../scenarios/send-signed-slack-request';
import { newSlackEventId } from '../../scenarios/slack-message-payload';
import { describeRuns, waitForRuns } from './simulation';

/** `simulate slack-reaction`: someone reacts with an emoji to a message (Events API `reaction_added`). */
export function registerSlackReactionScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('slack-reaction')
    .description('someone reacts with an emoji to a message (Slack Events API `reaction_added`)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate slack-reaction --reaction eyes')
    .requiredOption('--message-ts <ts>', 'the message reacted to')
    .option('--channel <id>', 'its channel (default: the first designated customer channel)')
    .option('--author <id>', 'who wrote the message', 'U0CUSTOMER1')
    .option('--user <id>', 'who reacts', 'U0TEAMMATE1')
    .option('--reaction <name>', 'the emoji', 'eyes')
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: { messageTs: string; channel?: string; author: string; user: string; reaction: string; url?: string; wait: boolean }, command: Command) => {
      if (!/^\d{9,11}\.\d{1,6}$/.test(options.messageTs)) throw new CliError(`--message-ts "${options.messageTs}" is not a Slack ts like 1795406400.000200`);
      await withTarget(command, io, async (target, output) => {
        const { baseUrl, serverNow, signingSecret, config } = await prepareSlackSimulation(target, options.url);
        const channel = customerChannelOf(config, options.channel);
        const eventId = newSlackEventId();
        const teamId = config.company.slack.teamId;
        const reactedTs = dateToSlackTs(serverNow);
        // The Events API envelope of a `reaction_added`, as Slack documents it.
        const body = JSON.stringify({
          token: 'XXYYZZ1234567890',
          team_id: teamId,
          api_app_id: 'A0SWITCHBD1',
          event: { type: 'reaction_added', user: options.user, reaction: options.reaction, item_user: options.author, item: { type: 'message', channel, ts: options.messageTs }, event_ts: reactedTs },
          type: 'event_callback',
          event_id: eventId,
          event_time: Math.floor(serverNow.getTime() / 1000),
          authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'U0SWITCHBOT', is_bot: true, is_enterprise_install: false }],
        });
        const url = `${baseUrl}/webhooks/slack/events`;
        const answer = await sendSignedSlackRequest({ url, body, contentType: 'application/json', signingSecret, timestampSeconds: Math.floor(serverNow.getTime() / 1000) });
        output.say(`Sent reaction event ${eventId} to ${url}: HTTP ${answer.status} ${answer.body}`);
        if (answer.status >= 300) throw new CliError(`Switchboard refused the event (HTTP ${answer.status})`);
        const runs = options.wait ? await waitForRuns(target, eventId) : [];
        output.record({ eventId, runs }, () => describeRuns(runs));
      });
    });
}
