import { soqlContainsPattern, soqlLiteral } from './soql-literal';

/** The REST API version Switchboard speaks (Winter '25): explicit, so that a Salesforce release changes nothing. */
export const SALESFORCE_API_VERSION = '62.0';

/** How many Accounts of one name are read: more than one is "several" already, and the team is shown them. */
export const MAX_NAMESAKES = 20;

/**
 * One REST call: method, URL below the instance, headers and body, exactly as the live adapter sends it
 * through jsforce. Built in one place, so that the dry-run outbox records what the live adapter sends.
 */
export interface SalesforceRequest {
  operation: string;
  method: 'GET' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

const base = `/services/data/v${SALESFORCE_API_VERSION}`;

/** The label field's API name, checked again here: it is an identifier in the query, never a literal. */
function identifier(field: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,60}__c$/.test(field)) throw new Error(`"${field}" is not a custom field API name`);
  return field;
}

const columns = (field: string) => `Id, Name, ${identifier(field)}, LastModifiedDate`;

/**
 * The Accounts named exactly `name`. `=` and not LIKE: `%` and `_` in a customer's name are then plain
 * characters, and no name matches another by a wildcard.
 */
export function accountsNamedQuery(name: string, field: string): string {
  return `SELECT ${columns(field)} FROM Account WHERE Name = ${soqlLiteral(name)} ORDER BY Id LIMIT ${MAX_NAMESAKES}`;
}

/** Accounts whose name contains `fragment` (candidates, when no name matches exactly). */
export function accountsNameContainingQuery(fragment: string, field: string): string {
  return `SELECT ${columns(field)} FROM Account WHERE Name LIKE ${soqlContainsPattern(fragment)} ORDER BY Name LIMIT ${MAX_NAMESAKES}`;
}

/** Every Account whose label field is not empty. */
export function accountsWithLabelsQuery(field: string): string {
  return `SELECT ${columns(field)} FROM Account WHERE ${identifier(field)} != null ORDER BY Id`;
}

/** One Account by id. */
export function accountByIdQuery(id: string, field: string): string {
  return `SELECT ${columns(field)} FROM Account WHERE Id = ${soqlLiteral(id)}`;
}

export const queryRequest = (soql: string): SalesforceRequest => ({ operation: 'query', method: 'GET', url: `${base}/query?q=${encodeURIComponent(soql)}` });

/**
 * Sets the label field of an Account, on condition that it was not modified since it was read
 * (`If-Unmodified-Since`, Salesforce's conditional request header): a label someone added meanwhile is
 * never overwritten; Salesforce answers 412 instead, and the caller reads again.
 */
export function updateAccountRequest(id: string, field: string, value: string | null, lastModifiedAt: string): SalesforceRequest {
  return {
    operation: 'sobject.update',
    method: 'PATCH',
    url: `${base}/sobjects/Account/${encodeURIComponent(id)}`,
    headers: { 'content-type': 'application/json', 'if-unmodified-since': new Date(lastModifiedAt).toUTCString() },
    body: { [identifier(field)]: value },
  };
}

/** The Account's Lightning page. */
export function accountPageUrl(instanceUrl: string, id: string): string {
  return `${instanceUrl.replace(/\/+$/, '')}/lightning/r/Account/${encodeURIComponent(id)}/view`;
}
