import { defineAutomation } from '../../shared/automation/automation';
import { answerAfterHoursMessage } from './answer-after-hours-message';
import { handleEscalationClick } from './handle-escalation-click';
import { postOvernightDigest } from './post-overnight-digest';
import { afterHoursSubscriptions } from './subscriptions';

/**
 * SPEC §3.A: answer customers who write outside business hours, and let them escalate a real emergency;
 * §3.G: at each opening, the overnight digest of what they wrote.
 */
export const afterHours = defineAutomation({
  name: 'after-hours',
  description: 'Answers customer messages sent outside business hours, with P0/P1 escalation buttons, and posts the overnight digest at each opening',
  subscriptions: afterHoursSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    switch (event.detailType) {
      case 'slack.message.posted':
        return answerAfterHoursMessage(event, context);
      case 'slack.button.clicked':
        return handleEscalationClick(event, context);
      case 'timer.fired':
        return postOvernightDigest(event, context);
      default:
        context.run.check('handled event type', `after-hours does not handle ${event.detailType}`);
    }
  },
});
