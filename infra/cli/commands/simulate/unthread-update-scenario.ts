import type { Command } from 'commander';
import { ApplicationStore } from '../../../../functions/job-applications/application-store';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { oneOf, parseCount } from '../../option-parsers';
import { sendSignedUnthreadRequest } from '../../scenarios/send-signed-unthread-request';
import { conversationUpdatedPayload } from '../../scenarios/unthread-webhook-payload';
import type { Target } from '../../../admin/target';
import { baseUrlOf, describeRuns, serverTime, waitForRuns } from './simulation';

const STATUSES = ['open', 'in_progress', 'on_hold', 'closed'];

/** `simulate unthread-update`: an agent changes a conversation's status in Unthread, which sends its signed `conversation_updated`. */
export function registerUnthreadUpdateScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('unthread-update')
    .description("a conversation's status changes in Unthread (signed conversation_updated webhook): by default, the latest application's is closed")
    .addHelpText('after', '\nExamples:\n  switchboard simulate unthread-update --status closed')
    .option('--conversation <id>', 'the Unthread conversation id')
    .option('--application <id>', "the application (its form-… id) whose conversation changed (default: the latest application's)")
    .option('--status <status>', `the new status: ${STATUSES.join(', ')}`, oneOf(STATUSES, 'an Unthread conversation status'), 'closed')
    .option('--retries <n>', 'also deliver the same webhook again N times, as Unthread retries do', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .action(async (options: { conversation?: string; application?: string; status: string; retries: number; url?: string; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const baseUrl = await baseUrlOf(target, options.url);
        const { UNTHREAD_WEBHOOK_SECRET: signingSecret } = await target.secrets();
        if (signingSecret === undefined) throw new CliError('no UNTHREAD_WEBHOOK_SECRET to sign with: set it, or start the local runtime once to generate one');
        const conversationId = options.conversation ?? (await conversationOfApplication(target, options.application));
        const payload = conversationUpdatedPayload({ conversationId, status: options.status, at: await serverTime(baseUrl) });
        const body = JSON.stringify(payload);
        const url = `${baseUrl}/webhooks/unthread`;
        for (let attempt = 1; attempt <= options.retries + 1; attempt += 1) {
          const answer = await sendSignedUnthreadRequest({ url, body, signingSecret, attempt });
          output.say(`${attempt === 1 ? 'Sent' : `Retry ${attempt - 1} of`} conversation_updated (${conversationId} → ${options.status}) to ${url}: HTTP ${answer.status} ${answer.body}`);
          if (answer.status !== 200) throw new CliError(`Switchboard refused the webhook (HTTP ${answer.status})`);
        }
        const eventId = String(payload['eventId']);
        const runs = options.wait ? await waitForRuns(target, eventId) : [];
        output.record({ eventId, conversationId, status: options.status, runs }, () => describeRuns(runs));
      });
    });
}

/** The conversation of an application, by default the latest one's. */
async function conversationOfApplication(target: Target, applicationId: string | undefined): Promise<string> {
  const { config } = await target.configs.current();
  const store = new ApplicationStore(target.table, target.clock, config.runs.retentionDays);
  let id = applicationId;
  if (id === undefined) {
    const runs = await target.runs.list({ automation: 'job-applications', limit: 100 });
    id = runs.find((run) => run.event.detailType === 'contact.form.submitted' && run.event.detail.kind === 'job-application')?.trigger.eventId;
    if (id === undefined) throw new CliError('no job application yet: run `switchboard simulate job-application` first, or pass --conversation');
  }
  const application = await store.get(id);
  if (application === undefined) throw new CliError(`no application ${id}`);
  if (application.conversation === undefined) throw new CliError(`application ${id} has no conversation yet: see \`switchboard runs show job-applications:${id}\``);
  return application.conversation.id;
}
