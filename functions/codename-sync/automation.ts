import { defineAutomation } from '../../shared/automation/automation';
import { attachCodename } from './attach-codename';
import { ensureAccountLabels } from './ensure-account-labels';
import { DAILY_RECONCILIATION, reportDailyDrift } from './report-daily-drift';
import { codenameSyncSubscriptions } from './subscriptions';

/** SPEC §3.D: customer codenames between the GitHub repositories and Salesforce Accounts, both ways. */
export const codenameSync = defineAutomation({
  name: 'codename-sync',
  description: "Adds customer codenames to their Salesforce Account, creates an Account's codenames in GitHub, reports drift daily",
  subscriptions: codenameSyncSubscriptions,
  // Its only timer is the daily one, which the stack's schedule (on AWS) or the local runtime sets.
  usesTimers: false,
  dailySchedules: [{ kind: DAILY_RECONCILIATION, at: '07:00', timeZone: 'America/Los_Angeles' }],
  async handle(event, context) {
    switch (event.detailType) {
      case 'codename.assigned':
        return attachCodename(event, context);
      case 'salesforce.account.changed':
        return ensureAccountLabels(event, context);
      case 'timer.fired':
        return reportDailyDrift(event, context);
      default:
        context.run.check('handled event type', `codename-sync does not handle ${event.detailType}`);
    }
  },
});
