import type { Clock } from '../../shared/clock/clock';
import type { Logger } from '../../shared/log/logger';
import { DryRunSpreadsheet } from '../../shared/providers/google-sheets/dry-run-spreadsheet';
import type { LiveGoogleSpreadsheetOptions } from '../../shared/providers/google-sheets/live-google-spreadsheet';
import type { Spreadsheet } from '../../shared/providers/google-sheets/spreadsheet';
import { DryRunGitHub } from '../../shared/providers/github/dry-run-github';
import type { GitHub } from '../../shared/providers/github/github';
import { githubCredentialsOf } from '../../shared/providers/github/github-credentials';
import type { GitHubTuning } from '../../shared/providers/github/live-github';
import type { Outbox } from '../../shared/providers/outbox';
import { DryRunSalesforce } from '../../shared/providers/salesforce/dry-run-salesforce';
import type { SalesforceTuning } from '../../shared/providers/salesforce/live-salesforce';
import type { Salesforce } from '../../shared/providers/salesforce/salesforce';
import { salesforceCredentialsOf } from '../../shared/providers/salesforce/salesforce-credentials';
import { DryRunSlackMessenger } from '../../shared/providers/slack/dry-run-slack-messenger';
import type { LiveSlackOptions } from '../../shared/providers/slack/live-slack-messenger';
import type { SlackMessenger } from '../../shared/providers/slack/slack-messenger';
import { DryRunSmsSender } from '../../shared/providers/sms/dry-run-sms-sender';
import type { SmsSender } from '../../shared/providers/sms/sms-sender';
import type { TwilioSmsOptions } from '../../shared/providers/sms/twilio-sms-sender';
import { DryRunUnthreadConversations } from '../../shared/providers/unthread/dry-run-unthread-conversations';
import type { LiveUnthreadOptions } from '../../shared/providers/unthread/live-unthread-conversations';
import type { UnthreadConversations } from '../../shared/providers/unthread/unthread-conversations';
import type { Settings } from '../../shared/settings/read-env';
import type { SecretName, Secrets } from '../../shared/settings/secrets';

/** Tuning of the live clients (tests shorten their retries). */
export interface ProviderTuning {
  slack?: Pick<LiveSlackOptions, 'retries' | 'timeoutMs'>;
  twilio?: Pick<TwilioSmsOptions, 'maxRetries' | 'timeoutMs'>;
  unthread?: Pick<LiveUnthreadOptions, 'retries' | 'timeoutMs' | 'wait'>;
  googleSheets?: Pick<LiveGoogleSpreadsheetOptions, 'retries' | 'timeoutMs'>;
  github?: GitHubTuning;
  salesforce?: SalesforceTuning;
}

export interface LocalProviders {
  slack: SlackMessenger;
  sms: SmsSender;
  unthread: UnthreadConversations;
  sheets: Spreadsheet;
  github: GitHub;
  salesforce: Salesforce;
}

/**
 * The local runtime's providers, chosen once at start-up: live where credentials are set, else dry-run
 * into the outbox. A live client is loaded only when it is used, so a dry-run start does not pay for it.
 */
export async function chooseLocalProviders(input: {
  secrets: Secrets;
  /** Inbound secrets generated locally: they verify simulated webhooks, but are no credentials. */
  generated: readonly SecretName[];
  settings: Settings;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
  tuning?: ProviderTuning;
}): Promise<LocalProviders> {
  return {
    slack: await slackMessenger(input),
    sms: await smsSender(input),
    github: await gitHub(input),
    salesforce: await salesforce(input),
    unthread: await unthreadConversations(input),
    sheets: await spreadsheet(input),
  };
}

async function slackMessenger({ secrets, settings, outbox, clock, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<SlackMessenger> {
  const token = secrets.SLACK_BOT_TOKEN;
  if (token === undefined) return new DryRunSlackMessenger(outbox, clock);
  const [{ LiveSlackMessenger }, { createNodeHttpFetch }] = await Promise.all([
    import('../../shared/providers/slack/live-slack-messenger'),
    import('../../shared/providers/http/node-http-fetch'),
  ]);
  const fetch = createNodeHttpFetch({ timeoutMs: tuning?.slack?.timeoutMs ?? 10_000 });
  return new LiveSlackMessenger({ token, apiUrl: settings.apiUrls.slack, log, ...tuning?.slack, fetch });
}

/** Twilio is live only with real credentials: a TWILIO_AUTH_TOKEN generated locally cannot send anything. */
async function smsSender({ secrets, generated, settings, outbox, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<SmsSender> {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: from } = secrets;
  if (accountSid === undefined || authToken === undefined || from === undefined || generated.includes('TWILIO_AUTH_TOKEN')) {
    return new DryRunSmsSender(outbox, from);
  }
  const { TwilioSmsSender } = await import('../../shared/providers/sms/twilio-sms-sender');
  return new TwilioSmsSender({ accountSid, authToken, from, apiUrl: settings.apiUrls.twilio, log, ...tuning?.twilio });
}

/** Unthread is live with UNTHREAD_API_KEY (against UNTHREAD_API_URL when set); else dry-run. */
async function unthreadConversations({ secrets, settings, outbox, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<UnthreadConversations> {
  const apiKey = secrets.UNTHREAD_API_KEY;
  if (apiKey === undefined) return new DryRunUnthreadConversations(outbox);
  const { LiveUnthreadConversations } = await import('../../shared/providers/unthread/live-unthread-conversations');
  return new LiveUnthreadConversations({ apiKey, apiUrl: settings.apiUrls.unthread, log, ...tuning?.unthread });
}

/**
 * Google Sheets is live with a service-account key. A key that is not one fails the start with a message
 * naming the variable (never its value), rather than every question later.
 */
async function spreadsheet({ secrets, settings, outbox, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<Spreadsheet> {
  const json = secrets.GOOGLE_SERVICE_ACCOUNT_JSON;
  if (json === undefined) return new DryRunSpreadsheet(outbox);
  const [{ LiveGoogleSpreadsheet }, { parseServiceAccountKey }] = await Promise.all([
    import('../../shared/providers/google-sheets/live-google-spreadsheet'),
    import('../../shared/providers/google-sheets/service-account-key'),
  ]);
  return new LiveGoogleSpreadsheet({
    key: parseServiceAccountKey(json),
    apiUrl: settings.apiUrls.googleSheets,
    tokenUrl: settings.apiUrls.googleOAuthToken,
    log,
    ...tuning?.googleSheets,
  });
}

/** GitHub is live with a token or a GitHub App (`GITHUB_API_URL` for Enterprise Server), else dry-run. */
async function gitHub({ secrets, settings, outbox, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<GitHub> {
  const credentials = githubCredentialsOf(secrets);
  if (credentials === undefined) return new DryRunGitHub(outbox);
  const { LiveGitHub } = await import('../../shared/providers/github/live-github');
  return new LiveGitHub({ credentials, apiUrl: settings.apiUrls.github, log, ...(tuning?.github === undefined ? {} : { tuning: tuning.github }) });
}

/** Salesforce is live with a connected app's client credentials (`SALESFORCE_INSTANCE_URL` for a sandbox or a fake), else dry-run. */
async function salesforce({ secrets, settings, outbox, clock, log, tuning }: Parameters<typeof chooseLocalProviders>[0]): Promise<Salesforce> {
  const credentials = salesforceCredentialsOf(secrets);
  if (credentials === undefined) return new DryRunSalesforce(outbox, () => clock.now());
  const { LiveSalesforce } = await import('../../shared/providers/salesforce/live-salesforce');
  return new LiveSalesforce({ credentials, instanceUrl: settings.apiUrls.salesforce, log, ...(tuning?.salesforce === undefined ? {} : { tuning: tuning.salesforce }) });
}
