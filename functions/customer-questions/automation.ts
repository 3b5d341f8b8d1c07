import { defineAutomation } from '../../shared/automation/automation';
import { addQuestion } from './add-question';
import { postWeeklySummary } from './post-weekly-summary';
import { customerQuestionsSubscriptions } from './subscriptions';

/** SPEC §3.F: the "Send to customer questions" shortcut, the sheet it fills, and the weekly summary for the docs. */
export const customerQuestions = defineAutomation({
  name: 'customer-questions',
  description: 'Adds customer questions sent with a Slack shortcut to a Google Sheet, and sums up the week for the docs',
  subscriptions: customerQuestionsSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    switch (event.detailType) {
      case 'slack.shortcut.used':
        return addQuestion(event, context);
      case 'timer.fired':
        return postWeeklySummary(event, context);
      default:
        context.run.check('handled event type', `customer-questions does not handle ${event.detailType}`);
    }
  },
});
