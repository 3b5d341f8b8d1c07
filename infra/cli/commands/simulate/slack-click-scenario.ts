import type { Command } from 'commander';
import { encodeButtonValue, ESCALATION_ACTIONS } from '../../../../functions/after-hours/escalation-button';
import type { Severity } from '../../../../shared/events/slack-events';
import { dateToSlackTs } from '../../../../shared/providers/slack/slack-ts';
import type { RunRecord } from '../../../../shared/runs/run';
import { withTarget, type CliIo } from '../../cli-context';
import { CliError } from '../../cli-error';
import { prepareSlackSimulation } from './slack-simulation';
import { oneOf, parseCount } from '../../option-parsers';
import { newSlackClickTriggerId, slackBlockActionsPayload } from '../../scenarios/slack-block-actions-payload';
import { sendSignedSlackRequest } from '../../scenarios/send-signed-slack-request';
import type { Target } from '../../../admin/target';
import { describeRuns, waitForRuns } from './simulation';

const BUTTON_TEXT: Record<Severity, string> = { P0: 'P0 – production down', P1: 'P1 – highly degraded' };

/** A notice of ours, and the customer message it answered. */
interface Notice {
  channel: string;
  noticeTs: string;
  sender: string;
  messageTs: string;
  threadTs: string;
  excerpt: string;
}

/** `simulate slack-click`: the customer (or someone else) clicks P0 or P1 on an after-hours notice. */
export function registerSlackClickScenario(simulate: Command, io: CliIo): void {
  simulate
    .command('slack-click')
    .description('a click on the P0/P1 button of an after-hours notice (Slack interactivity `block_actions`), as its customer or someone else')
    .option('--severity <P0|P1>', 'which button', oneOf(['P0', 'P1'], 'a severity'), 'P0')
    .option('--notice <ts>', 'the notice clicked (default: the latest one Switchboard posted)')
    .option('--user <id>', "who clicks (default: the customer who asked; anyone else is refused, privately)")
    .option('--retries <n>', 'also send the same click again N times, as Slack retries do', parseCount, 0)
    .option('--url <url>', 'the Switchboard to send to (default: the running local one, or the stack)')
    .option('--no-wait', 'do not wait for the runs it causes')
    .addHelpText('after', '\nExamples:\n  switchboard simulate slack-message --at 2026-11-22T20:00:00   # a notice to click\n  switchboard simulate slack-click --severity P0\n  switchboard simulate slack-click --user U0SOMEONE1             # refused: only the asker may escalate')
    .action(async (options: { severity: Severity; notice?: string; user?: string; retries: number; url?: string; wait: boolean }, command: Command) => {
      await withTarget(command, io, async (target, output) => {
        const { baseUrl, serverNow, signingSecret, config } = await prepareSlackSimulation(target, options.url);
        const notice = await findNotice(target, options.notice);
        const user = options.user ?? notice.sender;
        const triggerId = newSlackClickTriggerId();
        const payload = slackBlockActionsPayload({
          teamId: config.company.slack.teamId,
          user,
          userTeam: user === notice.sender ? 'T0CUSTOMER1' : config.company.slack.teamId,
          channel: notice.channel,
          messageTs: notice.noticeTs,
          threadTs: notice.threadTs,
          actionId: ESCALATION_ACTIONS[options.severity],
          buttonText: BUTTON_TEXT[options.severity],
          value: encodeButtonValue({ sender: notice.sender, messageTs: notice.messageTs, threadTs: notice.threadTs, excerpt: notice.excerpt }),
          actionTs: dateToSlackTs(serverNow),
          triggerId,
        });
        const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
        const url = `${baseUrl}/webhooks/slack/interactions`;
        for (let attempt = 0; attempt <= options.retries; attempt += 1) {
          const answer = await sendSignedSlackRequest({ url, body, contentType: 'application/x-www-form-urlencoded', signingSecret, timestampSeconds: Math.floor(serverNow.getTime() / 1000), ...(attempt === 0 ? {} : { retryNum: attempt }) });
          output.say(`${attempt === 0 ? 'Sent' : `Retry ${attempt} of`} ${options.severity} click by ${user} on notice ${notice.noticeTs} to ${url}: HTTP ${answer.status}`);
          if (answer.status >= 300) throw new CliError(`Switchboard refused the click (HTTP ${answer.status} ${answer.body})`);
        }
        const runs = options.wait ? await waitForRuns(target, triggerId) : [];
        output.record({ triggerId, notice, runs }, () => describeRuns(runs));
      });
    });
}

/** The latest notice the after-hours automation posted (or the one with this ts), from its runs. */
async function findNotice(target: Target, noticeTs: string | undefined): Promise<Notice> {
  const runs = await target.runs.list({ automation: 'after-hours', limit: 200 });
  for (const run of runs) {
    const notice = noticeOf(run);
    if (notice !== undefined && (noticeTs === undefined || notice.noticeTs === noticeTs)) return notice;
  }
  throw new CliError(
    noticeTs === undefined
      ? 'no after-hours notice to click yet: simulate a customer message outside business hours first, e.g. `switchboard simulate slack-message --at 2026-11-22T20:00:00`'
      : `no after-hours notice ${noticeTs} among the latest runs; \`switchboard runs list --automation after-hours\` shows them`,
  );
}

/** The notice a run posted, read from its step ("replied in thread … (notice TS)") and its trigger. */
function noticeOf(run: RunRecord): Notice | undefined {
  if (run.event.detailType !== 'slack.message.posted') return undefined;
  const step = run.steps.find((candidate) => candidate.name === 'post after-hours notice' && (candidate.outcome === 'done' || candidate.outcome === 'skipped'));
  const noticeTs = /notice (\d+\.\d+)/.exec(step?.detail ?? '')?.[1];
  const message = run.event.detail;
  if (noticeTs === undefined || message.user === undefined) return undefined;
  return { channel: message.channel, noticeTs, sender: message.user, messageTs: message.ts, threadTs: message.threadTs ?? message.ts, excerpt: message.text };
}
