import type { Logger } from '../log/logger';
import { DryRunSpreadsheet } from '../providers/google-sheets/dry-run-spreadsheet';
import { LiveGoogleSpreadsheet } from '../providers/google-sheets/live-google-spreadsheet';
import { parseServiceAccountKey, ServiceAccountKeyError } from '../providers/google-sheets/service-account-key';
import type { Spreadsheet } from '../providers/google-sheets/spreadsheet';
import { UnconfiguredSpreadsheet } from '../providers/google-sheets/unconfigured-spreadsheet';
import type { Outbox } from '../providers/outbox';
import type { Secrets } from '../settings/secrets';

export interface AwsSpreadsheetInput {
  secrets: Secrets;
  dryRun: boolean;
  apiUrl: string | undefined;
  tokenUrl: string | undefined;
  log: Logger;
  outbox: Outbox;
}

/**
 * Google Sheets on AWS: live with the service account of GOOGLE_SERVICE_ACCOUNT_JSON unless the stack
 * lists `google-sheets` as dry-run. Passed in by the Lambda entry of the automations that write sheets,
 * so that the others do not bundle the Google client.
 *
 * @example
 * export const handler = lambdaAutomationHandler(customerQuestions, { sheets: awsSpreadsheet });
 */
export function awsSpreadsheet({ secrets, dryRun, apiUrl, tokenUrl, log, outbox }: AwsSpreadsheetInput): Spreadsheet {
  if (dryRun) return new DryRunSpreadsheet(outbox);
  const json = secrets.GOOGLE_SERVICE_ACCOUNT_JSON;
  if (json === undefined) return new UnconfiguredSpreadsheet('GOOGLE_SERVICE_ACCOUNT_JSON is not set in the Switchboard secret');
  try {
    return new LiveGoogleSpreadsheet({ key: parseServiceAccountKey(json), apiUrl, tokenUrl, log });
  } catch (error) {
    if (!(error instanceof ServiceAccountKeyError)) throw error;
    log.error('GOOGLE_SERVICE_ACCOUNT_JSON is not a service-account key; Google Sheets cannot be written');
    return new UnconfiguredSpreadsheet(error.message);
  }
}
