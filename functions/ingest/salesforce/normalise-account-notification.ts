import type { EventOf } from '../../../shared/events/catalogue';
import { createEvent } from '../../../shared/events/validate-event';
import { OutboundMessageError, type OutboundNotification } from './outbound-message';

/** A custom field's API name, as the event keeps them. */
const CUSTOM_FIELD = /__c$/;

/**
 * An Account notification as `salesforce.account.changed`: the notification's id (the same on every retry
 * of it), the Account's id and name, and its custom fields; standard fields other than Id and Name are not
 * kept. Throws OutboundMessageError for a notification that is not about an Account or lacks its Id or Name.
 */
export function normaliseAccountNotification(organizationId: string, notification: OutboundNotification, receivedAt: Date): EventOf<'salesforce.account.changed'> {
  if (notification.sObjectType !== 'Account') throw new OutboundMessageError(`notification ${notification.id} is about a ${notification.sObjectType}: only Account outbound messages are accepted`);
  const { Id: accountId, Name: accountName } = notification.fields;
  if (accountId === undefined || accountId === null) throw new OutboundMessageError(`notification ${notification.id} carries no Account Id`);
  if (accountName === undefined || accountName === null) throw new OutboundMessageError(`notification ${notification.id} carries no Account Name: add Name to the outbound message's fields`);
  const fields = Object.fromEntries(Object.entries(notification.fields).filter(([name]) => CUSTOM_FIELD.test(name)));
  return createEvent('salesforce.account.changed', {
    eventId: notification.id,
    receivedAt: receivedAt.toISOString(),
    provider: 'salesforce',
    organizationId,
    accountId,
    accountName,
    fields,
  });
}
