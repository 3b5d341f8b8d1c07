import type { Subscription } from '../../shared/bus/subscription';

/** Our message shortcut, and the weekly-summary timers this automation sets. */
export const customerQuestionsSubscriptions: readonly Subscription[] = [
  { detailType: 'slack.shortcut.used', detail: { automation: ['customer-questions'] } },
  { detailType: 'timer.fired', detail: { automation: ['customer-questions'] } },
];
