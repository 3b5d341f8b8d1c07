import type { IngestResponse } from '../http';

/** The answer Salesforce expects (its outbound messaging WSDL): `notificationsResponse` with `Ack` true. Anything else and it retries. */
export const SOAP_ACK =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
  '<soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse></soapenv:Body>' +
  '</soapenv:Envelope>';

/** 200 with the SOAP ack: every notification of the message is durable. */
export function soapAckResponse(): IngestResponse {
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: SOAP_ACK };
}
