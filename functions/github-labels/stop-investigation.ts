import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { repositoryName } from '../../shared/providers/github/github';
import type { InvestigationStore } from './investigation-store';
import { labelSettingsOf, sameLabel, whyNotOurRepository } from './label-settings';

/** The investigate label was removed, or the issue closed, before the check: the clock stops. */
export async function stopInvestigation(
  event: EventOf<'github.issue.unlabeled'> | EventOf<'github.issue.state.changed'>,
  context: AutomationContext,
  store: InvestigationStore,
): Promise<void> {
  const { run } = context;
  const issue = event.detail;
  const settings = labelSettingsOf(context.config);
  const name = `${repositoryName(issue.repository)}#${issue.number}`;

  if (!run.check('a repository of the organisation', whyNotOurRepository(settings, issue.repository), name)) return;
  if (event.detailType === 'github.issue.unlabeled') {
    const removed = event.detail.label.name;
    const label = settings.investigation.label;
    if (!run.check('the investigate label', sameLabel(removed, label) ? undefined : `"${removed}" is not the investigate label "${label}"`, label)) return;
  }
  const current = await store.get(issue.repository, issue.number);
  if (!run.check('an investigation clock running', current === undefined ? `no investigation clock runs for ${name}` : undefined)) return;
  if (!run.check('the check has not begun', current?.expiring === true ? `the check of ${name} is moving it back to triage (this is its own removal)` : undefined)) return;
  const reason = event.detailType === 'github.issue.unlabeled' ? 'the label was removed' : 'the issue was closed';

  await run.step('stop the investigation clock', async () => {
    const { timerId, startedBy } = current as { timerId: string; startedBy: string };
    await context.timers.cancel(timerId);
    const stopped = await store.stop(issue.repository, issue.number, timerId);
    if (stopped) await context.closeWaitingRun(startedBy, `the check of ${name} stopped: ${reason}`);
    return { detail: stopped ? `stopped the check of ${name}: ${reason}` : `the clock of ${name} had already moved on` };
  });
}
