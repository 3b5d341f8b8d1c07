import { randomBytes } from 'node:crypto';

/** One Account notification of an outbound message. */
export interface AccountNotification {
  /** The notification's id (`04l…`): Salesforce retries it with the same id. */
  id: string;
  accountId: string;
  name: string;
  /** Custom fields sent with it (API name → value; null is sent as `xsi:nil`). */
  fields: Record<string, string | null>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A Salesforce-like id of a given key prefix (`04l`, `001`): 18 letters and digits. */
export function newSalesforceId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `${prefix}${[...randomBytes(18 - prefix.length)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/**
 * An Account outbound message exactly as Salesforce sends it (its outbound messaging WSDL, SOAP 1.1): the
 * `notifications` element with the organization, the action, a nil session id (the message is not set to
 * send one), the API URLs, and one `Notification` per Account with its `sObject` of type `sf:Account`.
 *
 * @example
 * outboundMessageXml({ organizationId: '00D…', notifications: [{ id: '04l…', accountId: '001…', name: 'Globex', fields: { GitHub_label__c: 'customer-blue-heron' } }] });
 */
export function outboundMessageXml(input: { organizationId: string; actionId?: string; instanceUrl?: string; notifications: readonly AccountNotification[] }): string {
  const instance = input.instanceUrl ?? 'https://example.my.salesforce.com';
  const org15 = input.organizationId.slice(0, 15);
  const notifications = input.notifications.map((notification) => {
    const fields = [
      `     <sf:Id>${escapeXml(notification.accountId)}</sf:Id>`,
      ...Object.entries(notification.fields).map(([name, value]) => (value === null ? `     <sf:${name} xsi:nil="true"/>` : `     <sf:${name}>${escapeXml(value)}</sf:${name}>`)),
      `     <sf:Name>${escapeXml(notification.name)}</sf:Name>`,
    ];
    return [
      '   <Notification>',
      `    <Id>${escapeXml(notification.id)}</Id>`,
      '    <sObject xsi:type="sf:Account" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">',
      ...fields,
      '    </sObject>',
      '   </Notification>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ' <soapenv:Body>',
    '  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">',
    `   <OrganizationId>${escapeXml(input.organizationId)}</OrganizationId>`,
    `   <ActionId>${escapeXml(input.actionId ?? '04k5e000000GHLBLAAA')}</ActionId>`,
    '   <SessionId xsi:nil="true"/>',
    `   <EnterpriseUrl>${escapeXml(`${instance}/services/Soap/c/62.0/${org15}`)}</EnterpriseUrl>`,
    `   <PartnerUrl>${escapeXml(`${instance}/services/Soap/u/62.0/${org15}`)}</PartnerUrl>`,
    ...notifications,
    '  </notifications>',
    ' </soapenv:Body>',
    '</soapenv:Envelope>',
    '',
  ].join('\n');
}

/** Posts an outbound message to Switchboard as Salesforce does: `text/xml`, `SOAPAction: ""`, the token in the URL. */
export async function sendOutboundMessage(baseUrl: string, token: string, xml: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}/webhooks/salesforce?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""', 'user-agent': 'Salesforce' },
    body: xml,
  });
  return { status: response.status, body: await response.text() };
}
