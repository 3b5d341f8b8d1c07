import type { Subscription } from '../../shared/bus/subscription';

/** Messages in the channels (customers' and the team's), reactions, and its own deadline timers. */
export const firstResponseSubscriptions: readonly Subscription[] = [
  { detailType: 'slack.message.posted' },
  { detailType: 'slack.reaction.added' },
  { detailType: 'timer.fired', detail: { automation: ['first-response'] } },
];
