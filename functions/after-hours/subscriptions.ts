import type { Subscription } from '../../shared/bus/subscription';

/** Customer messages, clicks on the escalation buttons of our notices, and the overnight digest's timers. */
export const afterHoursSubscriptions: readonly Subscription[] = [
  { detailType: 'slack.message.posted' },
  { detailType: 'slack.button.clicked', detail: { automation: ['after-hours'] } },
  { detailType: 'timer.fired', detail: { automation: ['after-hours'] } },
];
