import type { Subscription } from '../../shared/bus/subscription';

/** The website's forms, Unthread's conversation updates, and its own deadline timers. */
export const jobApplicationsSubscriptions: readonly Subscription[] = [
  { detailType: 'contact.form.submitted' },
  { detailType: 'unthread.conversation.updated' },
  { detailType: 'timer.fired', detail: { automation: ['job-applications'] } },
];
