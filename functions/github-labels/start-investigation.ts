import type { AutomationContext } from '../../shared/automation/automation';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { repositoryName } from '../../shared/providers/github/github';
import type { InvestigationStore } from './investigation-store';
import { investigationDueAt, investigationTimer } from './investigation-timer';
import { labelSettingsOf, sameLabel, whyNotOurRepository } from './label-settings';

/**
 * The investigate label was added (or an issue carrying it was reopened): start its clock, a timer for the
 * configured business days. A clock already running for the issue is replaced, so only the newest one acts.
 */
export async function startInvestigation(
  event: EventOf<'github.issue.labeled'> | EventOf<'github.issue.state.changed'>,
  context: AutomationContext,
  store: InvestigationStore,
): Promise<void> {
  const { run } = context;
  const issue = event.detail;
  const settings = labelSettingsOf(context.config);
  const { label, businessDays } = settings.investigation;
  const name = `${repositoryName(issue.repository)}#${issue.number}`;

  if (!run.check('a repository of the organisation', whyNotOurRepository(settings, issue.repository), name)) return;
  if (!run.check('the investigate label', whyNotTheInvestigateLabel(event, label, name), label)) return;
  if (!run.check('open', issue.state === 'open' ? undefined : `${name} is closed`)) return;

  const calendar = businessCalendarOf(context.config);
  const dueAt = investigationDueAt(calendar, new Date(issue.receivedAt), businessDays);
  const timer = investigationTimer(issue.repository, issue.number, issue.eventId, dueAt);
  await run.step('start the investigation clock', async () => {
    const replaced = await store.start(issue.repository, issue.number, { timerId: timer.id, dueAt: dueAt.toISOString(), startedBy: issue.eventId, url: issue.url });
    if (replaced !== undefined && replaced.timerId !== timer.id) {
      await context.timers.cancel(replaced.timerId);
      await context.closeWaitingRun(replaced.startedBy, `a fresh clock replaced it: "${label}" was added again or ${name} reopened`);
    }
    await context.timers.schedule(timer);
    const when = describeInstant(dueAt, calendar.settings.timeZone);
    return { outcome: 'waiting', detail: `checks ${name} ${when} (${businessDays} business days) unless "${label}" is removed or the issue closed first` };
  });
}

/** Why the event does not start an investigation's clock: another label was added, or the reopened issue lacks it. */
function whyNotTheInvestigateLabel(event: EventOf<'github.issue.labeled'> | EventOf<'github.issue.state.changed'>, label: string, name: string): string | undefined {
  if (event.detailType === 'github.issue.labeled') {
    const added = event.detail.label.name;
    return sameLabel(added, label) ? undefined : `"${added}" is not the investigate label "${label}"`;
  }
  return event.detail.labels.some((each) => sameLabel(each, label)) ? undefined : `${name} was reopened without "${label}"`;
}
