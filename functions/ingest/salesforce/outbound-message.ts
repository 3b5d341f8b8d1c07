// The parser and the validator alone: the package's entry would bring the XML builder into ingest too.
import XMLParser from 'fast-xml-parser/src/xmlparser/XMLParser';
import { validate } from 'fast-xml-parser/src/validator';

/** The namespaces of an outbound message (Salesforce's outbound messaging WSDL, SOAP 1.1). */
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const OUTBOUND_NS = 'http://soap.sforce.com/2005/09/outbound';
export const ENTERPRISE_SOBJECT_NS = 'urn:sobject.enterprise.soap.sforce.com';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** Salesforce sends at most 100 notifications in one message. */
export const MAX_NOTIFICATIONS = 100;

/** An outbound message that cannot be read (answered 400, nothing published). */
export class OutboundMessageError extends Error {
  override readonly name = 'OutboundMessageError';
}

/** One notification: its id (Salesforce retries it with the same id), and the sObject's type and fields (local names → text, null when nil). */
export interface OutboundNotification {
  id: string;
  sObjectType: string;
  fields: Record<string, string | null>;
}

export interface OutboundMessage {
  organizationId: string;
  actionId: string | undefined;
  notifications: OutboundNotification[];
}

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };
type Scope = ReadonlyMap<string, string>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Ids such as 0015e000… must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Character references (&#233;) and XML's five entities: the parser decodes character references only
  // with its HTML entities on, so every other named reference is refused before parsing (see below), and
  // a DOCTYPE never reaches the parser.
  htmlEntities: true,
});

/**
 * Reads a Salesforce outbound message (a SOAP 1.1 `notifications` request) with a real XML parser,
 * honouring namespaces: elements are matched by namespace URI and local name, whatever their prefixes.
 * Refuses, before parsing, any DOCTYPE or entity declaration (no entity expansion, no external entity can
 * be reached), then XML that is not well formed, a message without the SOAP envelope and `notifications`,
 * and more than 100 notifications. Throws OutboundMessageError.
 *
 * @example
 * const { organizationId, notifications } = parseOutboundMessage(request.body);
 */
export function parseOutboundMessage(body: Buffer | string): OutboundMessage {
  const xml = typeof body === 'string' ? body : body.toString('utf8');
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new OutboundMessageError('a DOCTYPE or entity declaration is not accepted');
  const reference = unknownReference(xml);
  if (reference !== undefined) throw new OutboundMessageError(`the body is not well-formed XML: "${reference}" is not one of XML's entities (&amp; &lt; &gt; &quot; &apos;) or a character reference`);
  const validation = validate(xml);
  if (validation !== true) throw new OutboundMessageError(`the body is not well-formed XML (line ${validation.err.line}: ${validation.err.msg})`);
  let document: Record<string, XmlNode>;
  try {
    document = parser.parse(xml) as Record<string, XmlNode>;
  } catch (error) {
    throw new OutboundMessageError('the body is not well-formed XML', { cause: error });
  }

  const envelope = only(children(document, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), SOAP_ENVELOPE_NS, 'Envelope'), 'a SOAP Envelope');
  const body_ = only(children(envelope.node, envelope.scope, SOAP_ENVELOPE_NS, 'Body'), 'a SOAP Body');
  const notifications = only(children(body_.node, body_.scope, OUTBOUND_NS, 'notifications'), `a notifications element in ${OUTBOUND_NS}`);
  const organizationId = text(only(children(notifications.node, notifications.scope, OUTBOUND_NS, 'OrganizationId'), 'an OrganizationId'));
  if (organizationId === null || organizationId === '') throw new OutboundMessageError('OrganizationId is empty');
  const actionIds = children(notifications.node, notifications.scope, OUTBOUND_NS, 'ActionId');
  const each = children(notifications.node, notifications.scope, OUTBOUND_NS, 'Notification');
  if (each.length === 0) throw new OutboundMessageError('the message has no Notification');
  if (each.length > MAX_NOTIFICATIONS) throw new OutboundMessageError(`the message has ${each.length} notifications; Salesforce sends at most ${MAX_NOTIFICATIONS}`);

  return {
    organizationId,
    actionId: actionIds[0] === undefined ? undefined : (text(actionIds[0]) ?? undefined),
    notifications: each.map((notification, index) => {
      const id = text(only(children(notification.node, notification.scope, OUTBOUND_NS, 'Id'), `an Id in Notification ${index + 1}`));
      if (id === null || id === '') throw new OutboundMessageError(`Notification ${index + 1} has an empty Id`);
      const sObject = only(children(notification.node, notification.scope, OUTBOUND_NS, 'sObject'), `an sObject in Notification ${index + 1}`);
      return { id, sObjectType: sObjectTypeOf(sObject), fields: fieldsOf(sObject) };
    }),
  };
}

/** XML's predefined entities and character references: the only references a document without a DTD may hold. */
const XML_REFERENCE = /^&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/;

/**
 * The first `&…` outside CDATA sections and comments that is not a reference XML defines without a DTD
 * (`&nbsp;`, `&foo;`, a bare `&`), which a conforming parser refuses and this one would keep or decode.
 */
function unknownReference(xml: string): string | undefined {
  const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '');
  for (let at = outside.indexOf('&'); at >= 0; at = outside.indexOf('&', at + 1)) {
    const rest = outside.slice(at, at + 12);
    if (!XML_REFERENCE.test(rest)) return /^&[^\s<&;]{0,10};?/.exec(rest)?.[0] ?? '&';
  }
  return undefined;
}

interface Element {
  node: XmlNode;
  scope: Scope;
}

/** The namespace declarations of an element, added to those in scope. */
function scopeOf(node: XmlNode, parent: Scope): Scope {
  if (typeof node !== 'object') return parent;
  let scope: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key !== '@_xmlns' && !key.startsWith('@_xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), typeof value === 'string' ? value : '');
  }
  return scope ?? parent;
}

/** A qualified name (`sf:Name`, `Name`) as its namespace URI and local name, in a scope. */
function resolve(qualified: string, scope: Scope, attribute = false): { namespace: string | undefined; local: string } {
  const colon = qualified.indexOf(':');
  if (colon < 0) return { namespace: attribute ? undefined : scope.get(''), local: qualified };
  const prefix = qualified.slice(0, colon);
  const namespace = scope.get(prefix);
  if (namespace === undefined) throw new OutboundMessageError(`the namespace prefix "${prefix}" is not declared`);
  return { namespace, local: qualified.slice(colon + 1) };
}

/** The child elements of `parent` with this namespace and local name, each with its own scope. */
function children(parent: XmlNode, parentScope: Scope, namespace: string, local: string): Element[] {
  if (typeof parent !== 'object') return [];
  const found: Element[] = [];
  for (const [key, value] of Object.entries(parent)) {
    if (key.startsWith('@_') || key === '#text' || key.startsWith('?')) continue;
    for (const node of Array.isArray(value) ? value : [value]) {
      const scope = scopeOf(node, parentScope);
      const name = resolve(key, scope);
      if (name.namespace === namespace && name.local === local) found.push({ node, scope });
    }
  }
  return found;
}

function only(elements: Element[], what: string): Element {
  if (elements.length !== 1) throw new OutboundMessageError(elements.length === 0 ? `the message has no ${what.replace(/^an? /, '')}` : `the message has more than one ${what.replace(/^an? /, '')}`);
  return elements[0] as Element;
}

/** An element's text; null when it is `xsi:nil`. */
function text(element: Element): string | null {
  const { node, scope } = element;
  if (typeof node === 'string') return node;
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith('@_') || key.startsWith('@_xmlns')) continue;
    const name = resolve(key.slice(2), scope, true);
    if (name.namespace === XSI_NS && name.local === 'nil' && value === 'true') return null;
  }
  const content = node['#text'];
  if (content === undefined) {
    if (Object.keys(node).some((key) => !key.startsWith('@_'))) throw new OutboundMessageError('a field holds elements where text was expected');
    return '';
  }
  return typeof content === 'string' ? content : String(content);
}

/** The sObject's `xsi:type` (`sf:Account`) as its local name, in the enterprise sObject namespace. */
function sObjectTypeOf(sObject: Element): string {
  if (typeof sObject.node !== 'object') throw new OutboundMessageError('an sObject has no xsi:type');
  for (const [key, value] of Object.entries(sObject.node)) {
    if (!key.startsWith('@_') || key.startsWith('@_xmlns')) continue;
    const name = resolve(key.slice(2), sObject.scope, true);
    if (name.namespace !== XSI_NS || name.local !== 'type' || typeof value !== 'string') continue;
    const type = resolve(value, sObject.scope);
    if (type.namespace !== ENTERPRISE_SOBJECT_NS) throw new OutboundMessageError(`the sObject's type ${value} is not an sObject of ${ENTERPRISE_SOBJECT_NS}`);
    return type.local;
  }
  throw new OutboundMessageError('an sObject has no xsi:type');
}

/** The sObject's fields: its child elements in the sObject namespace, by local name. */
function fieldsOf(sObject: Element): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  if (typeof sObject.node !== 'object') return fields;
  for (const [key, value] of Object.entries(sObject.node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    for (const node of Array.isArray(value) ? value : [value]) {
      const scope = scopeOf(node, sObject.scope);
      const name = resolve(key, scope);
      if (name.namespace !== ENTERPRISE_SOBJECT_NS) continue;
      if (Object.hasOwn(fields, name.local)) throw new OutboundMessageError(`the sObject has ${name.local} twice`);
      fields[name.local] = text({ node, scope });
    }
  }
  return fields;
}
