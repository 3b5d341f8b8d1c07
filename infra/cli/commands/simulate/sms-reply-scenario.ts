import type { Command } from 'commander';
import { withTarget, type CliIo } from '../../cli-context';
import { parseCount, parsePhoneNumber } from '../../option-parsers';
import { CliError } from '../../cli-error';
import { sendSignedTwilioRequest } from '../../scenarios/send-signed-twilio-request';
import { twilioSmsParams } from '../../scenarios/twilio-sms-params';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

/** `simulate sms-reply`: someone answers a page by SMS, through Twilio's inbound webhook. */
export function registerSmsReplyScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('sms-reply')
    .description('someone replies to a page by SMS (Twilio inbound webhook), e.g. --body "ACK K7QP"')
    .addHelpText('after', '\nExamples:\n  switchboard simulate sms-reply --body ACK          # the first person paged acknowledges\n  switchboard simulate sms-reply --body "ACK K7QP"   # one incident of several, by its code')
    .option('--from <phone>', 'the sender, E.164 (default: the first person on the paging chain)', parsePhoneNumber)
    .option('--body <text>', 'what they text', 'ACK')
    .option('--to <phone>', 'the Switchboard number they reply to', parsePhoneNumber, '+15555550100')
    .option('--retries <n>', 'also deliver the same webhook again N times, as Twilio retries do', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: { from?: string; body: string; to: string; retries: number; url?: string; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
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
