import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { SalesforceOutboundAuthError, verifyOrganizationId, verifyOutboundToken } from './verify-salesforce-outbound';

/** The secrets that authenticate outbound messages, or 503 when one is not configured. */
export async function salesforceOutboundSecrets(context: IngestContext): Promise<{ token: string; organizationId: string }> {
  const { SALESFORCE_OUTBOUND_TOKEN: token, SALESFORCE_ORG_ID: organizationId } = await context.secrets();
  if (token === undefined) throw serviceUnavailable('Salesforce is not configured: SALESFORCE_OUTBOUND_TOKEN is not set');
  if (organizationId === undefined) throw serviceUnavailable('Salesforce is not configured: SALESFORCE_ORG_ID is not set');
  return { token, organizationId };
}

/** The `token` query parameter, or 401 (checked before the body is parsed: an unknown sender's XML is never read). */
export function authenticateOutboundToken(request: IngestRequest, expected: string): void {
  try {
    verifyOutboundToken({ token: request.query.get('token'), expected });
  } catch (error) {
    if (error instanceof SalesforceOutboundAuthError) throw unauthorized(error.message);
    throw error;
  }
}

/** The message's OrganizationId, or 401. */
export function authenticateOrganization(organizationId: string, expected: string): void {
  try {
    verifyOrganizationId({ organizationId, expected });
  } catch (error) {
    if (error instanceof SalesforceOutboundAuthError) throw unauthorized(error.message);
    throw error;
  }
}
