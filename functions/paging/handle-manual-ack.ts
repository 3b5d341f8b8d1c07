import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { acknowledgeIncident } from './acknowledge-incident';
import type { IncidentStore } from './incident-store';

/** An admin acknowledged from the CLI, by incident id or ACK code. */
export async function handleManualAck(event: EventOf<'incident.ack.requested'>, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run } = context;
  const incident = await store.find(event.detail.incident);
  if (!run.check('the incident exists', incident === undefined ? `no incident ${event.detail.incident}` : undefined, incident?.id)) return;
  await acknowledgeIncident(incident!, event.detail.by, event.detail.eventId, context, store);
}
