import { defineAutomation } from '../../shared/automation/automation';
import { ApplicationStore } from './application-store';
import { handleConversationUpdate } from './handle-conversation-update';
import { handleDeadlineTimer } from './handle-deadline-timer';
import { receiveApplication } from './receive-application';
import { receiveContactMessage } from './receive-contact-message';
import { jobApplicationsSubscriptions } from './subscriptions';

/** SPEC §3.E: website job applications become Unthread conversations with a ready reply and a deadline. */
export const jobApplications = defineAutomation({
  name: 'job-applications',
  description: 'Turns website job applications into Unthread conversations with a ready reply, a CSE in turn and deadline reminders',
  subscriptions: jobApplicationsSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    const store = new ApplicationStore(context.table, context.clock, context.config.runs.retentionDays);
    switch (event.detailType) {
      case 'contact.form.submitted':
        return event.detail.kind === 'job-application' ? receiveApplication(event, context, store) : receiveContactMessage(event, context);
      case 'unthread.conversation.updated':
        return handleConversationUpdate(event, context, store);
      case 'timer.fired':
        return handleDeadlineTimer(event, context, store);
      default:
        context.run.check('handled event type', `job-applications does not handle ${event.detailType}`);
    }
  },
});
