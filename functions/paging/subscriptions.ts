import type { Subscription } from '../../shared/bus/subscription';

/** Emergencies to page for, replies and delivery reports of the pages, its own timers, and the CLI's requests. */
export const pagingSubscriptions: readonly Subscription[] = [
  { detailType: 'slack.emergency.requested' },
  { detailType: 'incident.open.requested' },
  { detailType: 'incident.ack.requested' },
  { detailType: 'sms.received' },
  { detailType: 'sms.status' },
  { detailType: 'timer.fired', detail: { automation: ['paging'] } },
];
