import { defineAutomation } from '../../shared/automation/automation';
import { flagUnanswered } from './flag-unanswered';
import { firstResponseSubscriptions } from './subscriptions';
import { watchMessage } from './watch-message';
import { watchReaction } from './watch-reaction';

/** SPEC §3.H: a customer message nobody on the team answers in time is flagged once, with a link. */
export const firstResponse = defineAutomation({
  name: 'first-response',
  description: 'Flags customer messages that got no first reply from the team in time',
  subscriptions: firstResponseSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    switch (event.detailType) {
      case 'slack.message.posted':
        return watchMessage(event, context);
      case 'slack.reaction.added':
        return watchReaction(event, context);
      case 'timer.fired':
        return flagUnanswered(event, context);
      default:
        context.run.check('handled event type', `first-response does not handle ${event.detailType}`);
    }
  },
});
