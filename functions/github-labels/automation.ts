import { defineAutomation } from '../../shared/automation/automation';
import { checkInvestigation } from './check-investigation';
import { handleConfidentialLabel } from './handle-confidential-label';
import { InvestigationStore } from './investigation-store';
import { mirrorCodename } from './mirror-codename';
import { removeWaitingLabels } from './remove-waiting-labels';
import { startInvestigation } from './start-investigation';
import { stopInvestigation } from './stop-investigation';
import { githubLabelsSubscriptions } from './subscriptions';

/** SPEC §3.C: waiting-on-community labels, investigation aging, and customer codename labels. */
export const githubLabels = defineAutomation({
  name: 'github-labels',
  description: 'Removes waiting labels when the community answers, ages investigations, mirrors customer codename labels',
  subscriptions: githubLabelsSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    const investigations = new InvestigationStore(context.table, context.clock);
    switch (event.detailType) {
      case 'github.issue.commented':
        return removeWaitingLabels(event, context);
      case 'github.issue.labeled':
        return startInvestigation(event, context, investigations);
      case 'github.issue.unlabeled':
        return stopInvestigation(event, context, investigations);
      case 'github.issue.state.changed':
        return event.detail.action === 'closed' ? stopInvestigation(event, context, investigations) : startInvestigation(event, context, investigations);
      case 'timer.fired':
        return checkInvestigation(event, context, investigations);
      case 'github.label.changed':
        return handleConfidentialLabel(event, context);
      case 'github.codename.mirror.requested':
        return mirrorCodename(event, context);
      default:
        context.run.check('handled event type', `github-labels does not handle ${event.detailType}`);
    }
  },
});
