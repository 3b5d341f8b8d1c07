import { EventBridgeBus } from '../bus/event-bus-eventbridge';
import { systemClock } from '../clock/clock';
import { ConfigStore } from '../config/config-store';
import { SideEffectLedger } from '../idempotency/side-effect-ledger';
import { PowertoolsLogger } from '../log/powertools-logger';
import { Outbox } from '../providers/outbox';
import { DryRunSlackMessenger } from '../providers/slack/dry-run-slack-messenger';
import { LiveSlackMessenger } from '../providers/slack/live-slack-messenger';
import { UnconfiguredSlackMessenger } from '../providers/slack/unconfigured-slack-messenger';
import { DryRunUnthreadConversations } from '../providers/unthread/dry-run-unthread-conversations';
import { LiveUnthreadConversations } from '../providers/unthread/live-unthread-conversations';
import { UnconfiguredUnthreadConversations } from '../providers/unthread/unconfigured-unthread-conversations';
import type { SmsSender } from '../providers/sms/sms-sender';
import { ProviderError } from '../providers/provider-error';
import type { AwsSmsSenderInput } from './aws-sms-sender';
import type { AwsSpreadsheetInput } from './aws-spreadsheet';
import type { Spreadsheet } from '../providers/google-sheets/spreadsheet';
import { UnconfiguredSpreadsheet } from '../providers/google-sheets/unconfigured-spreadsheet';
import type { AwsGitHubInput } from './aws-github';
import type { GitHub } from '../providers/github/github';
import type { AwsSalesforceInput } from './aws-salesforce';
import type { Salesforce } from '../providers/salesforce/salesforce';
import { RunStore } from '../runs/run-store';
import { SchedulerTimers } from '../timers/scheduler-timers';
import { UnavailableTimers } from '../timers/unavailable-timers';

import { createDocumentClient } from '../store/dynamodb-client';
import { DynamoDbTable } from '../store/dynamodb-table';
import type { Platform } from '../automation/platform';
import { readAwsEnvironment } from './aws-environment';
import { loadSecrets } from './load-secrets';
import { CREDENTIAL_NAMES } from '../settings/secrets';

/**
 * The adapters on AWS: DynamoDB, EventBridge, Secrets Manager, and live providers (dry-run only for
 * those the stack lists in DRY_RUN_PROVIDERS). Built once per Lambda container.
 */
/** Adapters a function's Lambda entry passes in, so that only the functions using them bundle them. */
export interface AwsProviders {
  sms?: (input: AwsSmsSenderInput) => SmsSender;
  sheets?: (input: AwsSpreadsheetInput) => Spreadsheet;
  github?: (input: AwsGitHubInput) => GitHub;
  salesforce?: (input: AwsSalesforceInput) => Salesforce;
}

export async function createAwsPlatform(env: Record<string, string | undefined> = process.env, providers: AwsProviders = {}): Promise<Platform> {
  const environment = readAwsEnvironment(env);
  const clock = systemClock;
  const log = PowertoolsLogger.forLambda(environment.logLevel);
  const table = new DynamoDbTable(createDocumentClient(), environment.tableName, clock);
  const outbox = new Outbox(table, clock);
  if (environment.secretArn === undefined) throw new Error('invalid function environment: SECRET_ARN (the credentials secret) is not set');
  const secrets = await loadSecrets(environment.secretArn, CREDENTIAL_NAMES);
  const token = secrets.SLACK_BOT_TOKEN;
  const slack = environment.dryRunProviders.has('slack')
    ? new DryRunSlackMessenger(outbox, clock)
    : token === undefined
      ? new UnconfiguredSlackMessenger()
      : new LiveSlackMessenger({ token, apiUrl: environment.apiUrls.slack, log });
  const unthreadKey = secrets.UNTHREAD_API_KEY;
  // Over fetch, a few kilobytes: built here for every function, like Slack, rather than passed in.
  const unthread = environment.dryRunProviders.has('unthread')
    ? new DryRunUnthreadConversations(outbox)
    : unthreadKey === undefined
      ? new UnconfiguredUnthreadConversations()
      : new LiveUnthreadConversations({ apiKey: unthreadKey, apiUrl: environment.apiUrls.unthread, log });
  const bus = new EventBridgeBus(environment.busName);
  return {
    clock,
    table,
    configs: new ConfigStore(table, clock, { cacheMs: 30_000 }),
    runs: new RunStore(table, clock),
    ledger: new SideEffectLedger(table, clock),
    outbox,
    bus,
    timers: environment.scheduler === undefined ? new UnavailableTimers() : new SchedulerTimers({ ...environment.scheduler, bus, clock }),
    slack,
    sms: (providers.sms ?? smsNotWired)({ secrets, dryRun: environment.dryRunProviders.has('twilio'), apiUrl: environment.apiUrls.twilio, log, outbox }),
    unthread,
    sheets: (providers.sheets ?? sheetsNotWired)({
      secrets,
      dryRun: environment.dryRunProviders.has('google-sheets'),
      apiUrl: environment.apiUrls.googleSheets,
      tokenUrl: environment.apiUrls.googleOAuthToken,
      log,
      outbox,
    }),
    github: (providers.github ?? githubNotWired)({ secrets, dryRun: environment.dryRunProviders.has('github'), apiUrl: environment.apiUrls.github, log, outbox }),
    salesforce: (providers.salesforce ?? salesforceNotWired)({
      secrets,
      dryRun: environment.dryRunProviders.has('salesforce'),
      instanceUrl: environment.apiUrls.salesforce,
      log,
      outbox,
    }),
    publicBaseUrl: environment.publicBaseUrl,
    log,
  };
}

/** For functions whose entry passed no spreadsheet: they write none, and say so if asked to. */
function sheetsNotWired(): Spreadsheet {
  return new UnconfiguredSpreadsheet("this function writes no spreadsheet: its Lambda entry passes no Google Sheets adapter");
}

/** For functions whose entry passed no SMS sender: they do not send SMS, and say so if asked to. */
function smsNotWired(): SmsSender {
  const refuse = (operation: string) => async (): Promise<never> => {
    throw new ProviderError('twilio', operation, false, 'this function sends no SMS: its Lambda entry passes no SMS sender');
  };
  return { mode: 'live', send: refuse('messages.create'), findSent: refuse('messages.list') };
}

/** For functions whose entry passed no GitHub adapter: they do not call GitHub, and say so if asked to. */
function githubNotWired(): GitHub {
  const refuse = async (): Promise<never> => {
    throw new ProviderError('github', 'request', false, 'this function calls no GitHub: its Lambda entry passes no GitHub adapter');
  };
  return {
    mode: 'live',
    getIssue: refuse,
    removeIssueLabel: refuse,
    addIssueLabels: refuse,
    createIssueComment: refuse,
    findIssueComment: refuse,
    getLabel: refuse,
    listLabels: refuse,
    createLabel: refuse,
    updateLabel: refuse,
  };
}

/** For functions whose entry passed no Salesforce adapter: they do not call Salesforce, and say so if asked to. */
function salesforceNotWired(): Salesforce {
  const refuse = async (): Promise<never> => {
    throw new ProviderError('salesforce', 'request', false, 'this function calls no Salesforce: its Lambda entry passes no Salesforce adapter');
  };
  return { mode: 'live', findAccountsByName: refuse, findAccountsNameContaining: refuse, listAccountsWithLabels: refuse, getAccount: refuse, updateAccountLabels: refuse, accountUrl: refuse };
}
