import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { escalateIncident } from './escalate-incident';
import { parseEscalationSubject } from './escalation-timer';
import type { IncidentStore } from './incident-store';

/** Nobody acknowledged page `step` in time: page the next person (a timer that fires late changes nothing). */
export async function handleEscalationTimer(event: EventOf<'timer.fired'>, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run } = context;
  const subject = parseEscalationSubject(event.detail.subject);
  if (!run.check('an escalation timer', event.detail.kind === 'escalate' && subject !== undefined ? undefined : `unknown timer ${event.detail.timerId}`)) return;
  const { incidentId, step } = subject as { incidentId: string; step: number };
  const incident = await store.get(incidentId);
  const current =
    incident !== undefined && ((incident.status === 'paging' && incident.step === step) || incident.lastEventId === event.detail.eventId);
  if (!run.check('still waiting at this page', current ? undefined : `${incidentId} is ${incident?.status ?? 'gone'}, at page ${(incident?.step ?? 0) + 1}`, `${incidentId}, page ${step + 1}`)) return;
  await escalateIncident(incident!, step, event.detail.eventId, context, store, `no ACK to page ${step + 1} in time`);
}
