import { postMessageOnce } from '../../shared/automation/post-message-once';
import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { readCodenameState } from './codename-state';
import { countDrift, driftReportMessage } from './drift-report';
import { findDrift } from './find-drift';
import { syncSettingsOf } from './sync-settings';

/** The kind of the daily reconciliation's timer. */
export const DAILY_RECONCILIATION = 'daily-reconciliation';

/**
 * The daily reconciliation: compare the codename labels of both repositories with the Accounts' field, and
 * post a short drift report to the internal channel, only when there is drift, once per day. Nothing is
 * repaired here: `switchboard codenames reconcile --fix` does that, with a person watching.
 */
export async function reportDailyDrift(event: EventOf<'timer.fired'>, context: AutomationContext): Promise<void> {
  const { run } = context;
  const timer = event.detail;
  const settings = syncSettingsOf(context.config);
  if (!run.check('the daily reconciliation', timer.kind === DAILY_RECONCILIATION ? undefined : `unknown timer kind ${timer.kind}`)) return;
  if (!run.check('the daily report is on', settings.dailyReport ? undefined : 'codenameSync.dailyReport is false')) return;
  if (!run.check('codename repositories configured', settings.repositories === undefined ? 'githubLabels.repositories is not configured' : undefined)) return;
  const readable = context.salesforce.mode === 'live' && context.github.mode === 'live';
  if (!run.check('GitHub and Salesforce can be read', readable ? undefined : 'GitHub or Salesforce is in dry-run: there is nothing to compare')) return;

  const compared = await run.step('compare GitHub and Salesforce', async () => {
    const state = await readCodenameState(context.github, context.salesforce, settings);
    const drift = findDrift(state, settings);
    const read = `${state.confidential.length} confidential and ${state.public.length} public codenames, ${state.accounts.length} labelled Accounts`;
    return { detail: `${read}: ${drift.length === 0 ? 'no drift' : countDrift(drift)}`, drift };
  });
  if (!run.check('drift found', compared.drift.length === 0 ? 'no drift: nothing to report' : undefined, `${compared.drift.length}`)) return;

  await run.step('post the drift report', async () => {
    // Found again in the channel after a crash, by the key in its metadata: the report is posted once.
    const posted = await postMessageOnce(context, `codename-sync.report:${timer.timerId}`, driftReportMessage(compared.drift, settings));
    return posted.alreadyDone ? { outcome: 'skipped', detail: `already posted (${posted.result.ts})` } : { detail: `${compared.drift.length} difference(s) to ${settings.slackChannel} (${posted.result.ts})` };
  });
}
