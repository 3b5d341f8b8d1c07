import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OutboundMessageError, parseOutboundMessage } from '../../../../functions/ingest/salesforce/outbound-message';
import { outboundMessageXml } from '../../../../infra/cli/scenarios/salesforce-outbound-message';

const fixture = readFileSync(new URL('../../../fixtures/salesforce/outbound-message-3-accounts.xml', import.meta.url), 'utf8');

const one = (fields: Record<string, string | null> = { GitHub_label__c: 'customer-blue-heron' }) =>
  outboundMessageXml({ organizationId: '00D5e000000SBTESTA', notifications: [{ id: '04l5e000001OBM1AAG', accountId: '0015e00000GLBX1AAA', name: 'Globex', fields }] });

describe('reading an outbound message', () => {
  it('reads the organization, the action and every notification of a recorded message', () => {
    const message = parseOutboundMessage(fixture);

    expect(message.organizationId).toBe('00D5e000000SBTESTA');
    expect(message.actionId).toBe('04k5e000000GHLBLAAA');
    expect(message.notifications).toEqual([
      { id: '04l5e000001OBM1AAG', sObjectType: 'Account', fields: { Id: '0015e00000GLBX1AAA', GitHub_label__c: 'customer-blue-heron', Name: 'Globex Aeronautics' } },
      { id: '04l5e000001OBM2AAG', sObjectType: 'Account', fields: { Id: '0015e00000NTCH2AAA', GitHub_label__c: 'customer-silver-fox;prospect-red-kite', Name: 'Initech & Partners' } },
      { id: '04l5e000001OBM3AAG', sObjectType: 'Account', fields: { Id: '0015e00000MBRL3AAA', GitHub_label__c: 'customer-green-owl;Renewal Q3', Name: 'Umbrella Logistics' } },
    ]);
  });

  it('honours namespaces, not prefixes: any prefix bound to the right URI reads the same', () => {
    const renamed = fixture
      .replaceAll('soapenv:', 'S:')
      .replace('xmlns:soapenv=', 'xmlns:S=')
      .replace('<notifications xmlns="http://soap.sforce.com/2005/09/outbound">', '<o:notifications xmlns:o="http://soap.sforce.com/2005/09/outbound">')
      .replace('</notifications>', '</o:notifications>')
      .replace(/<(\/?)(OrganizationId|ActionId|SessionId|EnterpriseUrl|PartnerUrl|Notification|Id|sObject)\b/g, '<$1o:$2')
      .replaceAll('sf:', 'acc:')
      .replaceAll('xmlns:sf=', 'xmlns:acc=');

    expect(parseOutboundMessage(renamed)).toEqual(parseOutboundMessage(fixture));
  });

  it('does not take elements of another namespace for the outbound ones', () => {
    const foreign = fixture.replace('xmlns="http://soap.sforce.com/2005/09/outbound"', 'xmlns="urn:example:not-salesforce"');

    expect(() => parseOutboundMessage(foreign)).toThrow('the message has no notifications element in http://soap.sforce.com/2005/09/outbound');
  });

  it('reads a nil field as null, and decodes character references', () => {
    const message = parseOutboundMessage(one({ GitHub_label__c: null, Note__c: 'caf&#233; &#x41;' }).replace('caf&amp;#233; &amp;#x41;', 'caf&#233; &#x41;'));

    expect(message.notifications[0]?.fields).toMatchObject({ GitHub_label__c: null, Note__c: 'café A' });
  });

  it("keeps XML's five entities and an ampersand inside CDATA", () => {
    const message = parseOutboundMessage(one().replace('Globex', 'A&amp;B &lt;&gt;&quot;&apos;<![CDATA[R&D]]>'));

    expect(message.notifications[0]?.fields['Name']).toBe(`A&B <>"'R&D`);
  });

  it.each([
    ['a DOCTYPE', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${one().replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('Globex', '&lol2;')}`],
    ['an external entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${one().replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('Globex', '&xxe;')}`],
    ['a lower-case doctype', `<!doctype x>${one()}`],
    ['an entity declaration alone', one().replace('<soapenv:Body>', '<!ENTITY x "y"><soapenv:Body>')],
  ])('refuses %s before parsing', (_what, xml) => {
    expect(() => parseOutboundMessage(xml)).toThrow('a DOCTYPE or entity declaration is not accepted');
  });

  it.each([
    ['truncated XML', one().slice(0, 400), /not well-formed XML/],
    ['mismatched tags', one().replace('</sf:Name>', '</sf:Nam>'), /not well-formed XML/],
    ['no SOAP envelope', '<notifications xmlns="http://soap.sforce.com/2005/09/outbound"/>', /no SOAP Envelope/],
    ['an undeclared prefix', one().replace('<sf:Name>Globex</sf:Name>', '<zz:Name>Globex</zz:Name>'), /prefix "zz" is not declared/],
    ['no notification', one().replace(/<Notification>[\s\S]*<\/Notification>/, ''), /has no Notification/],
    ['a notification without an Id', one().replace('<Id>04l5e000001OBM1AAG</Id>', ''), /no Id in Notification 1/],
    ['an sObject of a foreign type namespace', one().replace('xsi:type="sf:Account"', 'xsi:type="xsd:string"'), /is not an sObject of urn:sobject.enterprise.soap.sforce.com/],
    ['an entity XML does not define (no DTD declares it)', one().replace('Globex', 'Globex&foo;'), /"&foo;" is not one of XML's entities/],
    ['an HTML entity', one().replace('Globex', 'Globex&nbsp;Corp'), /"&nbsp;" is not one of XML's entities/],
    ['a bare ampersand', one().replace('Globex', 'Globex & Co'), /"&" is not one of XML's entities/],
    ['two OrganizationIds', one().replace('<OrganizationId>', '<OrganizationId>00D5e000000SBTESTA</OrganizationId><OrganizationId>'), /more than one OrganizationId/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseOutboundMessage(xml)).toThrow(message);
  });

  it('accepts 100 notifications and refuses 101', () => {
    const message = (count: number) =>
      outboundMessageXml({
        organizationId: '00D5e000000SBTESTA',
        notifications: Array.from({ length: count }, (_, n) => ({ id: `04l5e00000${String(n).padStart(5, '0')}AAG`, accountId: '0015e00000GLBX1AAA', name: 'Globex', fields: {} })),
      });

    expect(parseOutboundMessage(message(100)).notifications).toHaveLength(100);
    expect(() => parseOutboundMessage(message(101))).toThrow(new OutboundMessageError('the message has 101 notifications; Salesforce sends at most 100'));
  });
});
