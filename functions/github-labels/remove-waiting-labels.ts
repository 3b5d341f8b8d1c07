import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { repositoryName } from '../../shared/providers/github/github';
import { whyNotCommunity } from './community';
import { labelSettingsOf, whyNotOurRepository } from './label-settings';
import { waitingLabelsOf } from './waiting-labels';

/**
 * Someone commented: if they are the community and the issue or pull request is open, every label that
 * waits on the community goes, one call per label. A label already gone is no error.
 */
export async function removeWaitingLabels(event: EventOf<'github.issue.commented'>, context: AutomationContext): Promise<void> {
  const { run } = context;
  const comment = event.detail;
  const settings = labelSettingsOf(context.config);
  const issue = `${repositoryName(comment.repository)}#${comment.number}`;

  if (!run.check('a repository of the organisation', whyNotOurRepository(settings, comment.repository), issue)) return;
  if (!run.check('open', comment.state === 'open' ? undefined : `${issue} is closed`)) return;
  if (!run.check('commented by the community', whyNotCommunity(comment.commenter, settings), `${comment.commenter.login} (${comment.commenter.authorAssociation})`)) return;
  const waiting = waitingLabelsOf(comment.labels, settings.waitingLabelPrefix);
  if (!run.check('labels waiting on the community', waiting.length === 0 ? `no label of ${issue} starts with "${settings.waitingLabelPrefix}"` : undefined, waiting.join(', '))) return;

  for (const label of waiting) {
    await run.step(`remove "${label}"`, async () => {
      // Removing a label is idempotent by nature (GitHub answers 404 when it is gone, which is success),
      // so a claim taken over after a crash simply removes it again: no look-up needed.
      const removal = await context.once(`github-labels.waiting:${issue}:${label}:${comment.eventId}`, () =>
        context.github.removeIssueLabel(comment.repository, comment.number, label),
      );
      if (removal.alreadyDone) return { outcome: 'skipped', detail: `already removed by an earlier attempt from ${issue}` };
      return { detail: removal.result.removed ? `removed from ${issue}` : `was already gone from ${issue}` };
    });
  }
}
