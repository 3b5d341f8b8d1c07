import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { escalateIncident } from './escalate-incident';
import { escalationTimerId } from './escalation-timer';
import type { IncidentStore } from './incident-store';

/** Twilio's statuses that mean the page will never arrive. */
const UNDELIVERABLE = new Set(['undelivered', 'failed']);

/** A page's delivery status: recorded; if the page cannot arrive, the next person is paged at once. */
export async function handleDeliveryStatus(event: EventOf<'sms.status'>, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run } = context;
  const status = event.detail;
  const page = await store.pageOfMessage(status.messageSid);
  if (!run.check('a page of ours', page === undefined ? `message ${status.messageSid} is not a page` : undefined, page?.incidentId)) return;
  const { incidentId, step } = page as { incidentId: string; step: number };

  await run.step('record the delivery status', async () => {
    await store.recordDeliveryStatus(incidentId, step, status.status);
    return { detail: `page ${step + 1}: ${status.status}${status.errorCode === undefined ? '' : ` (error ${status.errorCode})`}` };
  });
  if (!run.check('the page cannot arrive', UNDELIVERABLE.has(status.status) ? undefined : `${status.status} needs no action`)) return;

  const incident = await store.get(incidentId);
  const current = incident !== undefined && incident.status === 'paging' && (incident.step === step || incident.lastEventId === status.eventId);
  if (!run.check('the undelivered page is the latest', current ? undefined : 'acknowledged or moved on meanwhile')) return;
  await context.timers.cancel(escalationTimerId(incidentId, step));
  await escalateIncident(incident!, step, status.eventId, context, store, `page ${step + 1} could not be delivered (${status.status})`);
}
