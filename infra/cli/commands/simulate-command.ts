import type { Command } from 'commander';
import { dateToSlackTs } from '../../../shared/providers/slack/slack-ts';
import type { RunRecord } from '../../../shared/runs/run';
import { withTarget, type CliIo } from '../cli-context';
import { CliError } from '../cli-error';
import type { Target } from '../target';
import { newSlackEventId, slackMessagePayload } from '../scenarios/slack-message-payload';
import { sendSignedSlackRequest } from '../scenarios/send-signed-slack-request';
import { waitFor } from '../wait-for';
import { sendSignedTwilioRequest } from '../scenarios/send-signed-twilio-request';
import { twilioSmsParams } from '../scenarios/twilio-sms-params';

/** `switchboard simulate SCENARIO`: a correctly signed, realistic webhook sent to a running Switchboard. */
export function registerSimulateCommands(program: Command, io: CliIo): void {
  const simulate = program.command('simulate').description('send a signed, realistic webhook to a running Switchboard (like `stripe trigger`)');

  simulate
    .command('slack-message')
    .description('a customer writes in a shared channel (Slack Events API `message`)')
    .option('--text <text>', 'what they write', 'Our production cluster is down, can someone help?')
    .option('--channel <id>', 'the channel (default: the first designated customer channel)')
    .option('--user <id>', 'the sender', 'U0CUSTOMER1')
    .option('--team <id>', "the sender's workspace (the company's own makes them a team member)", 'T0CUSTOMER1')
    .option('--at <instant>', 'when it was posted, ISO-8601 (default: now on the server\'s clock)')
    .option('--thread <ts>', 'reply in this thread')
    .option('--bot <id>', 'send it as this bot instead of a person')
    .option('--subtype <subtype>', 'a message subtype, e.g. message_changed')
    .option('--retries <n>', 'also send the same event again N times, as Slack retries do', (v) => Number(v), 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: SlackMessageOptions, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = (options.url ?? target.baseUrl)?.replace(/\/$/, '');
        if (baseUrl === undefined) throw new CliError('no Switchboard URL: pass --url');
        const serverNow = await serverTime(baseUrl);
        const { SLACK_SIGNING_SECRET: signingSecret } = await target.secrets();
        if (signingSecret === undefined) throw new CliError('no SLACK_SIGNING_SECRET to sign with: set it, or start the local runtime once to generate one');
        const { config } = await target.configs.current();
        const channel = options.channel ?? config.afterHours.customerChannels[0]?.id;
        if (channel === undefined) throw new CliError('no designated customer channel: pass --channel or run `switchboard channels add`');
        const postedAt = options.at === undefined ? serverNow : new Date(options.at);
        if (Number.isNaN(postedAt.getTime())) throw new CliError(`--at "${options.at}" is not an ISO-8601 instant`);

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

  registerSmsReply(simulate, io);
}

/** `simulate sms-reply`: someone answers a page by SMS, through Twilio's inbound webhook. */
function registerSmsReply(simulate: Command, io: CliIo): void {
  simulate
    .command('sms-reply')
    .description('someone replies to a page by SMS (Twilio inbound webhook), e.g. --body "ACK K7QP"')
    .option('--from <number>', 'the sender (default: the first person on the paging chain)')
    .option('--body <text>', 'what they text', 'ACK')
    .option('--to <number>', 'the Switchboard number they reply to', '+15555550100')
    .option('--retries <n>', 'also deliver the same webhook again N times, as Twilio retries do', (v) => Number(v), 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: { from?: string; body: string; to: string; retries: number; url?: string; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = (options.url ?? target.baseUrl)?.replace(/\/$/, '');
        if (baseUrl === undefined) throw new CliError('no Switchboard URL: pass --url');
        const { TWILIO_AUTH_TOKEN: authToken } = await target.secrets();
        if (authToken === undefined) throw new CliError('no TWILIO_AUTH_TOKEN to sign with: set it, or start the local runtime once to generate one');
        const { config } = await target.configs.current();
        const from = options.from ?? config.paging.chain[0]?.phone;
        if (from === undefined) throw new CliError('no sender: pass --from');
        const params = twilioSmsParams({ from, to: options.to, body: options.body });
        const url = `${baseUrl}/webhooks/twilio/sms`;
        const signedUrl = `${(options.url === undefined ? target.publicBaseUrl : baseUrl) ?? baseUrl}/webhooks/twilio/sms`;
        const token = `sim-${params['MessageSid']}`;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedTwilioRequest({ url, params, authToken, signedUrl, idempotencyToken: token });
          output.say(`${attempt === 0 ? 'Sent' : `Retry ${attempt} of`} SMS ${params['MessageSid']} to ${url}: HTTP ${answer.status} ${answer.body}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the SMS (HTTP ${answer.status})`);
        }
        const runs = options.wait ? await waitForRuns(target, String(params['MessageSid'])) : [];
        output.record({ messageSid: params['MessageSid'], runs }, () => describeRuns(runs));
      });
    });
}

function describeRuns(runs: readonly RunRecord[]): string[] {
  return runs.length === 0
    ? ['No run recorded yet; see `switchboard runs list`.']
    : runs.flatMap((run) => [`Run ${run.runId}: ${run.status}`, ...run.steps.map((s) => `  ${s.outcome.padEnd(8)} ${s.name}${s.detail === undefined ? '' : ` — ${s.detail}`}`)]);
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

/** The server's clock (it may run at SWITCHBOARD_NOW), so the signature timestamp is within its window. */
async function serverTime(baseUrl: string): Promise<Date> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/health`);
  } catch (error) {
    throw new CliError(`no Switchboard answers at ${baseUrl}: start it with \`npm start\` (${(error as Error).message})`);
  }
  const health = (await response.json()) as { time?: string };
  return health.time === undefined ? new Date() : new Date(health.time);
}

/** The runs an event caused, once they are recorded (up to 5 seconds). */
async function waitForRuns(target: Target, eventId: string): Promise<RunRecord[]> {
  const runs = await waitFor(async () => {
    const caused = (await target.runs.list({ limit: 50 })).filter((run) => run.trigger.eventId === eventId);
    return caused.length > 0 ? caused : undefined;
  });
  return runs ?? [];
}
