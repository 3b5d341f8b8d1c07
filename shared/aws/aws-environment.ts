import * as z from 'zod/mini';
import type { LogLevel } from '../log/logger';

/** The environment the stack gives every function (see infra/stack). */
export const AWS_ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  busName: 'EVENT_BUS_NAME',
  secretArn: 'SECRET_ARN',
  webhookSecretArn: 'WEBHOOK_SECRET_ARN',
  dryRunProviders: 'DRY_RUN_PROVIDERS',
  logLevel: 'LOG_LEVEL',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  githubApiUrl: 'GITHUB_API_URL',
  salesforceInstanceUrl: 'SALESFORCE_INSTANCE_URL',
  scheduleGroup: 'SCHEDULE_GROUP',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  busArn: 'EVENT_BUS_ARN',
  timersDeadLetterArn: 'TIMERS_DEAD_LETTER_ARN',
} as const;

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'] as const;
const present = z.string().check(z.minLength(1));

// zod's "mini" form: ingest bundles this file, and its budget is 150 KB.
const schema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  EVENT_BUS_NAME: present,
  SECRET_ARN: z.optional(present),
  WEBHOOK_SECRET_ARN: z.optional(present),
  DRY_RUN_PROVIDERS: z.optional(z.string()),
  LOG_LEVEL: z.optional(z.string()),
  SLACK_API_URL: z.optional(z.url()),
  TWILIO_API_URL: z.optional(z.url()),
  UNTHREAD_API_URL: z.optional(z.url()),
  GOOGLE_SHEETS_API_URL: z.optional(z.url()),
  GOOGLE_OAUTH_TOKEN_URL: z.optional(z.url()),
  GITHUB_API_URL: z.optional(z.url()),
  SALESFORCE_INSTANCE_URL: z.optional(z.url()),
  PUBLIC_BASE_URL: z.optional(z.url()),
  SCHEDULE_GROUP: z.optional(present),
  SCHEDULER_ROLE_ARN: z.optional(present),
  EVENT_BUS_ARN: z.optional(present),
  TIMERS_DEAD_LETTER_ARN: z.optional(present),
});

export interface AwsEnvironment {
  tableName: string;
  busName: string;
  /** The credentials secret (automations); ingest is not given it. */
  secretArn: string | undefined;
  /** The webhook signing secret (ingest only). */
  webhookSecretArn: string | undefined;
  /** Providers deliberately kept in dry-run on AWS (e.g. for a staging stack). */
  dryRunProviders: ReadonlySet<string>;
  logLevel: LogLevel;
  /** The webhooks' public base URL (the HTTP API, or a custom domain). */
  publicBaseUrl: string | undefined;
  /** For automations that set timers: the Scheduler group, the role it assumes, and the bus it targets. */
  scheduler: { groupName: string; roleArn: string; busArn: string; deadLetterArn?: string } | undefined;
  apiUrls: { slack: string | undefined; twilio: string | undefined; github: string | undefined; salesforce: string | undefined; unthread: string | undefined; googleSheets: string | undefined; googleOAuthToken: string | undefined };
}

/**
 * Reads the Lambda environment once per container.
 *
 * @example
 * const environment = readAwsEnvironment(); // process.env
 */
export function readAwsEnvironment(env: Record<string, string | undefined> = process.env): AwsEnvironment {
  const parsed = z.safeParse(schema, env);
  if (!parsed.success) {
    throw new Error(`invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const logLevel = (e.LOG_LEVEL ?? 'INFO').toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`invalid function environment: LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    tableName: e.TABLE_NAME,
    busName: e.EVENT_BUS_NAME,
    secretArn: e.SECRET_ARN,
    webhookSecretArn: e.WEBHOOK_SECRET_ARN,
    dryRunProviders: new Set((e.DRY_RUN_PROVIDERS ?? '').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean)),
    logLevel: logLevel as LogLevel,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    scheduler:
      e.SCHEDULE_GROUP === undefined || e.SCHEDULER_ROLE_ARN === undefined || e.EVENT_BUS_ARN === undefined
        ? undefined
        : {
            groupName: e.SCHEDULE_GROUP,
            roleArn: e.SCHEDULER_ROLE_ARN,
            busArn: e.EVENT_BUS_ARN,
            ...(e.TIMERS_DEAD_LETTER_ARN === undefined ? {} : { deadLetterArn: e.TIMERS_DEAD_LETTER_ARN }),
          },
    apiUrls: { slack: e.SLACK_API_URL, twilio: e.TWILIO_API_URL, github: e.GITHUB_API_URL, salesforce: e.SALESFORCE_INSTANCE_URL, unthread: e.UNTHREAD_API_URL, googleSheets: e.GOOGLE_SHEETS_API_URL, googleOAuthToken: e.GOOGLE_OAUTH_TOKEN_URL },
  };
}
