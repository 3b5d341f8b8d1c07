import type { Logger } from '../log/logger';
import type { Outbox } from '../providers/outbox';
import { DryRunSalesforce } from '../providers/salesforce/dry-run-salesforce';
import { LiveSalesforce } from '../providers/salesforce/live-salesforce';
import type { Salesforce } from '../providers/salesforce/salesforce';
import { missingSalesforceCredentials, salesforceCredentialsOf } from '../providers/salesforce/salesforce-credentials';
import { UnconfiguredSalesforce } from '../providers/salesforce/unconfigured-salesforce';
import type { Secrets } from '../settings/secrets';

export interface AwsSalesforceInput {
  secrets: Secrets;
  dryRun: boolean;
  /** `SALESFORCE_INSTANCE_URL`, else the token answer's `instance_url`. */
  instanceUrl: string | undefined;
  log: Logger;
  outbox: Outbox;
}

/**
 * Salesforce on AWS: jsforce with the connected app of the secret, live unless the stack lists
 * `salesforce` as dry-run. Passed in by the Lambda entry of the automations that call Salesforce, so that
 * the others do not bundle jsforce (and its HTTP client).
 *
 * @example
 * export const handler = lambdaAutomationHandler(codenameSync, { github: awsGitHub, salesforce: awsSalesforce });
 */
export function awsSalesforce({ secrets, dryRun, instanceUrl, log, outbox }: AwsSalesforceInput): Salesforce {
  if (dryRun) return new DryRunSalesforce(outbox);
  const credentials = salesforceCredentialsOf(secrets);
  if (credentials === undefined) return new UnconfiguredSalesforce(missingSalesforceCredentials(secrets));
  return new LiveSalesforce({ credentials, instanceUrl, log });
}
