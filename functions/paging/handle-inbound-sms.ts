import type { AutomationContext } from '../../shared/automation/automation';
import type { EventOf } from '../../shared/events/catalogue';
import { acknowledgeIncident } from './acknowledge-incident';
import { chainMemberOf, decideAck } from './decide-ack';
import type { IncidentStore } from './incident-store';
import { parseAck } from './parse-ack';
import { replyBySms } from './reply-by-sms';
import { chooseAPage, notAnAck, noOpenPages, unknownCode, alreadyAcknowledged } from './sms-replies';

/** Incidents an SMS is read against: the newest, far more than are ever open at once. */
const RECENT_INCIDENTS = 100;

/**
 * An SMS to our number. From someone on the paging chain it gets exactly one outcome, and always a reply
 * saying which: an ACK with a code acknowledges that incident (paged yet or not: they are on its chain); a
 * bare ACK acknowledges the one open incident paged to them, and with several acknowledges none and lists
 * their codes; a wrong code, a taken incident or another text is answered with what they can do. From
 * anyone else it changes nothing and gets no answer.
 */
export async function handleInboundSms(event: EventOf<'sms.received'>, context: AutomationContext, store: IncidentStore): Promise<void> {
  const { run, config } = context;
  const sms = event.detail;
  const recent = await store.list({ limit: RECENT_INCIDENTS });
  const member = chainMemberOf(sms.from, config.paging.chain, recent);
  if (!run.check('from someone on the paging chain', member === undefined ? 'the sender is not on the paging chain: nothing changes, no answer' : undefined, member?.name)) return;
  const { name } = member as { name: string };

  const intent = parseAck(sms.body);
  const decision = decideAck(intent, sms.from, recent, context.clock.now());
  switch (decision.kind) {
    case 'acknowledge': {
      const { incident, paged } = decision;
      run.check('an ACK for one open incident', undefined, `${incident.id} (ACK ${incident.code})${paged ? '' : ', before being paged'}`);
      await acknowledgeIncident((await store.get(incident.id)) ?? incident, name, sms.eventId, context, store, { phone: sms.from, paged });
      return;
    }
    case 'choose':
      run.check('an ACK for one open incident', `a bare ACK with ${decision.open.length} open pages (${decision.open.map((i) => i.id).join(', ')}): none acknowledged, the codes sent`);
      return replyBySms(context, store, sms.eventId, sms.from, chooseAPage(decision.open), 'send the open codes');
    case 'unknown-code':
      run.check('an ACK for one open incident', `no open incident of ${name} has the code ${decision.code.slice(0, 12)}: the open codes sent`);
      return replyBySms(context, store, sms.eventId, sms.from, unknownCode(decision.code, decision.open), 'send the open codes');
    case 'taken':
      run.check('an ACK for one open incident', `${decision.incident.id} was acknowledged by ${decision.incident.acknowledgedBy ?? 'someone'} already`);
      return replyBySms(context, store, sms.eventId, sms.from, alreadyAcknowledged(decision.incident), 'tell them it is taken');
    case 'nothing-open':
      run.check('an ACK for one open incident', `no open incident on the chain of ${name}`);
      return replyBySms(context, store, sms.eventId, sms.from, noOpenPages());
    case 'not-an-ack':
      run.check('an ACK', 'the message is not an ACK: what to reply was sent');
      return replyBySms(context, store, sms.eventId, sms.from, notAnAck(decision.open));
  }
}
