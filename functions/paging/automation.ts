import { defineAutomation } from '../../shared/automation/automation';
import { handleDeliveryStatus } from './handle-delivery-status';
import { handleEscalationTimer } from './handle-escalation-timer';
import { handleInboundSms } from './handle-inbound-sms';
import { handleManualAck } from './handle-manual-ack';
import { IncidentStore } from './incident-store';
import { openIncident } from './open-incident';
import { pagingSubscriptions } from './subscriptions';

/** SPEC §3.B: page the on-call chain by SMS until someone acknowledges. */
export const paging = defineAutomation({
  name: 'paging',
  description: 'Pages the escalation chain by SMS for P0/P1 emergencies until someone replies ACK',
  subscriptions: pagingSubscriptions,
  usesTimers: true,
  async handle(event, context) {
    const store = new IncidentStore(context.table, context.clock);
    switch (event.detailType) {
      case 'slack.emergency.requested':
      case 'incident.open.requested':
        return openIncident(event, context, store);
      case 'incident.ack.requested':
        return handleManualAck(event, context, store);
      case 'sms.received':
        return handleInboundSms(event, context, store);
      case 'sms.status':
        return handleDeliveryStatus(event, context, store);
      case 'timer.fired':
        return handleEscalationTimer(event, context, store);
      default:
        context.run.check('handled event type', `paging does not handle ${event.detailType}`);
    }
  },
});
