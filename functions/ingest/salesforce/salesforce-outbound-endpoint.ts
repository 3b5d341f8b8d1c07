import { acceptDelivery } from '../accept-delivery';
import type { Endpoint } from '../endpoint';
import { badRequest } from '../http-error';
import { normaliseOr400 } from '../parse-body';
import { authenticateOrganization, authenticateOutboundToken, salesforceOutboundSecrets } from './authenticate-salesforce';
import { normaliseAccountNotification } from './normalise-account-notification';
import { OutboundMessageError, parseOutboundMessage, type OutboundMessage } from './outbound-message';
import { soapAckResponse } from './soap-ack';

/**
 * POST /webhooks/salesforce — Salesforce outbound messages (SOAP 1.1, `text/xml`) about Accounts. The
 * `token` query parameter is checked first, then the XML is read (no DOCTYPE, no entities, at most 100
 * notifications) and its `OrganizationId` checked. Each notification is its own delivery, deduplicated by
 * its `Id` (Salesforce retries for 24 hours, out of order, and repeats): it becomes
 * `salesforce.account.changed`. The SOAP `Ack` true is answered only once every notification is durable;
 * otherwise 503, and Salesforce sends the message again (what was accepted is then a duplicate).
 */
export const salesforceOutboundEndpoint: Endpoint = {
  method: 'POST',
  contentTypes: ['text/xml'],
  async handle(request, context) {
    const expected = await salesforceOutboundSecrets(context);
    authenticateOutboundToken(request, expected.token);
    let message: OutboundMessage;
    try {
      message = parseOutboundMessage(request.body);
    } catch (error) {
      if (error instanceof OutboundMessageError) throw badRequest(`invalid Salesforce outbound message: ${error.message}`);
      throw error;
    }
    authenticateOrganization(message.organizationId, expected.organizationId);
    const receivedAt = context.clock.now();
    const events = message.notifications.map((notification) =>
      normaliseOr400('invalid Salesforce Account notification', () => {
        try {
          return normaliseAccountNotification(message.organizationId, notification, receivedAt);
        } catch (error) {
          if (error instanceof OutboundMessageError) throw badRequest(`invalid Salesforce outbound message: ${error.message}`);
          throw error;
        }
      }),
    );
    let published = 0;
    for (const event of events) {
      if ((await acceptDelivery(context, { provider: 'salesforce', id: event.detail.eventId }, [event])) === 'accepted') published += 1;
    }
    context.log.debug('Salesforce outbound message acked', { notifications: events.length, published });
    return soapAckResponse();
  },
};
