import type { Command } from 'commander';
import { statusEventId } from '../../../../functions/ingest/twilio/normalise-twilio-status';
import { IncidentStore } from '../../../../functions/paging/incident-store';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { InvalidArgumentError } from 'commander';
import { oneOf } from '../../option-parsers';
import { sendSignedTwilioRequest } from '../../scenarios/send-signed-twilio-request';
import { twilioStatusParams } from '../../scenarios/twilio-sms-params';
import type { Target } from '../../../admin/target';
import { baseUrlOf, describeRuns, waitForRuns } from './simulation';

const STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed'] as const;
/** Twilio's error codes for an undelivered or failed message: 30003 unreachable handset, 30005 unknown number. */
const DEFAULT_ERROR: Record<string, string | undefined> = { undelivered: '30003', failed: '30005' };

/** A Twilio error code: five digits, like 30003. */
function parseTwilioErrorCode(value: string): string {
  if (!/^\d{5}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a Twilio error code (five digits, like 30003).`);
  return value;
}

/** `simulate sms-status`: Twilio reports the delivery of a page (its status callback). */
export function registerSmsStatusScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('sms-status')
    .description("Twilio's delivery report of a page (the status callback): delivered, undelivered or failed — a page that cannot arrive escalates at once")
    .option('--status <status>', `the message's status: ${STATUSES.join(', ')}`, oneOf(STATUSES, 'a Twilio message status'), 'delivered')
    .option('--sid <MessageSid>', 'the page reported on (default: the latest page sent)')
    .option('--error-code <code>', 'Twilio error code, five digits (default for undelivered 30003, for failed 30005)', parseTwilioErrorCode)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .addHelpText('after', '\nExamples:\n  switchboard incidents open --customer "Acme Corp"\n  switchboard simulate sms-status --status undelivered   # the next person is paged at once')
    .action(async (options: { status: string; sid?: string; errorCode?: string; url?: string; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const { TWILIO_AUTH_TOKEN: authToken } = await target.secrets();
        if (authToken === undefined) throw new CliError('no TWILIO_AUTH_TOKEN to sign with: set it, or start the local runtime once to generate one');
        const page = await findPage(target, options.sid);
        const errorCode = options.errorCode ?? DEFAULT_ERROR[options.status];
        const params = twilioStatusParams({ messageSid: page.sid, status: options.status, to: page.to, from: '+15555550100', ...(errorCode === undefined ? {} : { errorCode }) });
        const url = `${baseUrl}/webhooks/twilio/status`;
        const signedUrl = `${(options.url === undefined ? target.publicBaseUrl : baseUrl) ?? baseUrl}/webhooks/twilio/status`;
        const answer = await sendSignedTwilioRequest({ url, params, authToken, signedUrl });
        output.say(`Sent the ${options.status} status of ${page.sid} (${page.incident}, page ${page.step + 1}) to ${url}: HTTP ${answer.status}`);
        if (answer.status >= 300) throw new CliError(`Switchboard refused the status callback (HTTP ${answer.status} ${answer.body})`);
        const eventId = statusEventId({ MessageSid: page.sid, MessageStatus: options.status });
        const runs = options.wait ? await waitForRuns(target, eventId) : [];
        output.record({ messageSid: page.sid, status: options.status, runs }, () => describeRuns(runs));
      });
    });
}

/** The latest page sent (or the one with this SID), from the incidents. */
async function findPage(target: Target, sid: string | undefined): Promise<{ sid: string; to: string; incident: string; step: number }> {
  const store = new IncidentStore(target.table, target.clock);
  for (const incident of await store.list({ limit: 20 })) {
    const pages = (await store.pages(incident.id)).sort((a, b) => b.step - a.step);
    for (const page of pages) {
      if (sid !== undefined && page.sid !== sid) continue;
      const member = incident.chain[page.step % incident.chain.length];
      return { sid: page.sid, to: member?.phone ?? '+15555550101', incident: incident.id, step: page.step };
    }
  }
  throw new CliError(sid === undefined ? 'no page has been sent yet: open an incident first (`switchboard incidents open --customer "Acme Corp"`)' : `no page with the SID ${sid}; \`switchboard incidents show ID\` lists the pages`);
}
