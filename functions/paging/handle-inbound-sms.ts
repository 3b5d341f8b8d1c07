import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { acknowledgeIncident } from './acknowledge-incident';
import { pagedSoFar } from './escalation-plan';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';
import { parseAck } from './parse-ack';

/**
 * A reply to a page. "ACK" (any case or spacing, with or without the code) from someone who was paged
 * acknowledges: the incident with that code, or without one the newest open incident paged to that
 * number. Anything else, or anyone else, changes nothing.
 */
export async function handleInboundSms(event: EventOf<'sms.received'>, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run } = context;
  const sms = event.detail;
  const intent = parseAck(sms.body);
  if (!run.check('an ACK', intent.kind === 'ack' ? undefined : 'the message is not an ACK')) return;
  const code = intent.kind === 'ack' ? intent.code : undefined;

  const open = await store.list({ openOnly: true, limit: 100 });
  const pagedThisNumber = (incident: Incident) => pagedSoFar(incident, incident.step).some((member) => member.phone === sms.from);
  let incident: Incident | undefined;
  if (code === undefined) {
    incident = open.find(pagedThisNumber);
    if (!run.check('an open incident paged to this number', incident === undefined ? 'no open incident was paged to the sender' : undefined, incident?.id)) return;
  } else {
    // A code may name an incident already taken: the sender is then told who has it.
    incident = open.find((candidate) => candidate.code === code) ?? (await store.find(code));
    if (!run.check(`an incident with code ${code}`, incident === undefined ? `no open incident has the code ${code}` : undefined, incident?.id)) return;
    if (!run.check('sender was paged for it', pagedThisNumber(incident as Incident) ? undefined : 'the sender was not paged for this incident')) return;
  }
  const found = incident as Incident;
  const member = found.chain.find((candidate) => candidate.phone === sms.from);
  await acknowledgeIncident((await store.get(found.id)) ?? found, member?.name ?? 'someone on the chain', sms.eventId, context, store, sms.from);
}
