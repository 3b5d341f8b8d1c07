import type { Logger } from '../log/logger';
import type { Outbox } from '../providers/outbox';
import { DryRunSmsSender } from '../providers/sms/dry-run-sms-sender';
import type { SmsSender } from '../providers/sms/sms-sender';
import { TwilioSmsSender } from '../providers/sms/twilio-sms-sender';
import { UnconfiguredSmsSender, type TwilioCredentialName } from '../providers/sms/unconfigured-sms-sender';
import type { Secrets } from '../settings/secrets';

export interface AwsSmsSenderInput {
  secrets: Secrets;
  dryRun: boolean;
  apiUrl: string | undefined;
  log: Logger;
  outbox: Outbox;
}

/**
 * SMS on AWS: Twilio, live unless the stack lists it as dry-run. Passed in by the Lambda entry of the
 * automations that send SMS, so that the others do not bundle the twilio client (megabytes).
 *
 * @example
 * export const handler = lambdaAutomationHandler(paging, { sms: awsSmsSender });
 */
export function awsSmsSender({ secrets, dryRun, apiUrl, log, outbox }: AwsSmsSenderInput): SmsSender {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: from } = secrets;
  if (dryRun) return new DryRunSmsSender(outbox, from);
  if (accountSid === undefined || authToken === undefined || from === undefined) {
    const missing = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const).filter((name) => secrets[name] === undefined);
    return new UnconfiguredSmsSender(missing as TwilioCredentialName[]);
  }
  if (!accountSid.startsWith('AC')) {
    // The twilio client throws at construction for any other SID; refuse each send instead of every start-up.
    log.error('TWILIO_ACCOUNT_SID is not an account SID (AC…); SMS cannot be sent');
    return new UnconfiguredSmsSender(['TWILIO_ACCOUNT_SID']);
  }
  return new TwilioSmsSender({ accountSid, authToken, from, apiUrl, log });
}
