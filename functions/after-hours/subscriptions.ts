import type { Subscription } from '../../shared/bus/subscription';

/** Customer messages, and clicks on the escalation buttons of our notices. */
export const afterHoursSubscriptions: readonly Subscription[] = [
  { detailType: 'slack.message.posted' },
  { detailType: 'slack.button.clicked', detail: { automation: ['after-hours'] } },
];
