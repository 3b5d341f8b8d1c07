import type { Secrets } from '../../settings/secrets';

/** A connected app's client credentials, and where to obtain tokens. */
export interface SalesforceCredentials {
  /** `SALESFORCE_LOGIN_URL`: the org's My Domain (`https://example.my.salesforce.com`); login.salesforce.com does not serve the client-credentials flow. */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The Salesforce credentials among the secrets, or undefined when one of the three is missing. */
export function salesforceCredentialsOf(secrets: Secrets): SalesforceCredentials | undefined {
  const { SALESFORCE_LOGIN_URL: loginUrl, SALESFORCE_CLIENT_ID: clientId, SALESFORCE_CLIENT_SECRET: clientSecret } = secrets;
  if (loginUrl === undefined || clientId === undefined || clientSecret === undefined) return undefined;
  return { loginUrl: loginUrl.replace(/\/+$/, ''), clientId, clientSecret };
}

/** The names still to set for a live Salesforce. */
export function missingSalesforceCredentials(secrets: Secrets): string[] {
  return (['SALESFORCE_LOGIN_URL', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const).filter((name) => secrets[name] === undefined);
}
