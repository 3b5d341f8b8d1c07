import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import type { EventOf } from '../../shared/events/catalogue';
import { repositoryName } from '../../shared/providers/github/github';
import { commentMarker, investigationComment, investigationExpiredNotice } from './investigation-messages';
import type { InvestigationStore } from './investigation-store';
import { INVESTIGATION_TIMER_KIND, parseIssueSubject } from './investigation-timer';
import { labelSettingsOf, sameLabel } from './label-settings';

const CLOCK_MARGIN_MS = 3_600_000;

/**
 * An investigation's time is up. If it is still the current one and GitHub still shows the label on the
 * open issue: the label goes, the triage labels come back, the reporter is asked for logs and
 * reproduction steps, and the team is told in Slack. Each of these happens once, however often the timer
 * is delivered or the run retried.
 */
export async function checkInvestigation(event: EventOf<'timer.fired'>, context: AutomationContext, store: InvestigationStore): Promise<void> {
  const { run, github } = context;
  const timer = event.detail;
  const subject = timer.kind === INVESTIGATION_TIMER_KIND ? parseIssueSubject(timer.subject) : undefined;
  if (!run.check('an investigation check', subject === undefined ? `unknown timer ${timer.timerId}` : undefined, timer.subject)) return;
  const { repository, number } = subject as NonNullable<typeof subject>;
  const settings = labelSettingsOf(context.config);
  const { label, addBack, businessDays } = settings.investigation;
  const name = `${repositoryName(repository)}#${number}`;

  const current = await store.get(repository, number);
  if (!run.check('still the current investigation', current?.timerId === timer.timerId ? undefined : `the clock of ${name} was stopped or restarted`, name)) return;
  const investigation = current as NonNullable<typeof current>;

  const reading = await run.step('read the issue on GitHub', async () => {
    if (investigation.expiring === true) return { outcome: 'skipped' as const, detail: 'an earlier attempt found the label there and began', snapshot: undefined };
    const snapshot = await github.getIssue(repository, number);
    if (snapshot === undefined) return { detail: 'GitHub cannot be read here (dry-run): going by the label events received', snapshot };
    if (!snapshot.found) return { detail: `${name} is gone (deleted, transferred, or out of reach)`, snapshot };
    return { detail: `${snapshot.state}, labels: ${snapshot.labels.join(', ') || '(none)'}`, snapshot };
  });
  const snapshot = reading.snapshot;
  const why =
    snapshot === undefined
      ? undefined
      : !snapshot.found
        ? `${name} is gone`
        : snapshot.state !== 'open'
          ? `${name} is closed`
          : snapshot.labels.some((l) => sameLabel(l, label))
            ? undefined
            : `"${label}" is no longer on ${name}`;
  if (!run.check(`"${label}" still on the open issue`, why)) {
    if (await store.stop(repository, number, timer.timerId)) await context.closeWaitingRun(investigation.startedBy, `checked: ${why}`);
    return;
  }
  // Decided: from here on, a retry carries on and the label's removal does not stop the check.
  if (!run.check('not stopped meanwhile', (await store.markExpiring(repository, number, timer.timerId)) ? undefined : `the clock of ${name} was stopped meanwhile`)) return;

  await run.step(`remove "${label}"`, async () => {
    // Label changes are idempotent by nature: a claim taken over after a crash simply does it again.
    const removal = await context.once(`github-labels.investigation.remove:${timer.timerId}`, () => github.removeIssueLabel(repository, number, label));
    if (removal.alreadyDone) return { outcome: 'skipped', detail: 'already removed by an earlier attempt' };
    return { detail: removal.result.removed ? `removed from ${name}` : `was already gone from ${name}` };
  });

  if (addBack.length > 0) {
    await run.step('add the triage labels back', async () => {
      // Adding labels is idempotent by nature (a label already there stays once): no look-up needed.
      const added = await context.once(`github-labels.investigation.add-back:${timer.timerId}`, () => github.addIssueLabels(repository, number, addBack));
      if (added.alreadyDone) return { outcome: 'skipped', detail: 'already added by an earlier attempt' };
      return { detail: `${addBack.join(', ')} on ${name}` };
    });
  }

  await run.step('ask for logs and reproduction steps', async () => {
    const key = `github-labels.investigation.comment:${timer.timerId}`;
    const comment = await context.once(key, () => github.createIssueComment(repository, number, investigationComment(settings.investigation.comment, key)), {
      // A comment is not idempotent: after a crash, look for ours (its marker) among the comments since the
      // check was due (an hour earlier, for clocks that disagree).
      find: () => github.findIssueComment(repository, number, { marker: commentMarker(key), since: new Date(new Date(timer.dueAt).getTime() - CLOCK_MARGIN_MS) }),
    });
    if (comment.alreadyDone) return { outcome: 'skipped', detail: `already commented (${comment.result.url})` };
    return { detail: `commented: ${comment.result.url}` };
  });

  await run.step('tell the team in Slack', async () => {
    const notice = investigationExpiredNotice({ channel: settings.slackChannel, issue: name, url: investigation.url, label, businessDays, addedBack: addBack });
    const posted = await postMessageOnce(context, `github-labels.investigation.slack:${timer.timerId}`, notice);
    if (posted.alreadyDone) return { outcome: 'skipped', detail: `already told (${posted.result.ts})` };
    return { detail: `told ${settings.slackChannel} (${posted.result.ts})` };
  });

  await store.stop(repository, number, timer.timerId);
  await context.closeWaitingRun(investigation.startedBy, `checked: "${label}" was still there, ${name} went back to triage`);
}
