import * as z from 'zod';

/** A bad environment variable, named, with what was expected. Never echoes the value. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'] as const;

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().regex(/^[\w.:[\]-]+$/, 'must be a host name or IP address').default('127.0.0.1'),
  PUBLIC_BASE_URL: optionalUrl,
  DYNAMODB_ENDPOINT: optionalUrl,
  SWITCHBOARD_DATA_DIR: z.string().min(1).default('.switchboard'),
  SWITCHBOARD_TABLE: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be a DynamoDB table name')
    .default('switchboard'),
  SWITCHBOARD_NOW: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 instant such as 2026-11-22T10:00:00-08:00' })
    .optional(),
  LOG_LEVEL: z
    .string()
    .transform((level) => level.toUpperCase())
    .pipe(z.enum(LOG_LEVELS))
    .default('INFO'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'must be json or pretty' }).optional(),
  SLACK_API_URL: optionalUrl,
  GITHUB_API_URL: optionalUrl,
  TWILIO_API_URL: optionalUrl,
  SALESFORCE_INSTANCE_URL: optionalUrl,
  UNTHREAD_API_URL: optionalUrl,
  GOOGLE_SHEETS_API_URL: optionalUrl,
  GOOGLE_OAUTH_TOKEN_URL: optionalUrl,
});

/** Runtime settings read from the environment (secrets are read separately, see `readSecrets`). */
export interface Settings {
  port: number;
  /** The interface the local server binds (default 127.0.0.1: nothing outside this machine reaches it). */
  host: string;
  publicBaseUrl: string | undefined;
  dynamoEndpoint: string | undefined;
  dataDir: string;
  tableName: string;
  /** The instant the clock starts at (`SWITCHBOARD_NOW`), when fixed. */
  startAt: Date | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `LOG_FORMAT`: JSON lines, or readable ones; undefined: readable on a terminal, JSON otherwise. */
  logFormat: 'json' | 'pretty' | undefined;
  apiUrls: {
    slack: string | undefined;
    github: string | undefined;
    twilio: string | undefined;
    salesforce: string | undefined;
    unthread: string | undefined;
    /** The Google Sheets API root (`https://sheets.googleapis.com/`). */
    googleSheets: string | undefined;
    /** Google's OAuth 2.0 token endpoint, which google-auth-library otherwise hard-codes. */
    googleOAuthToken: string | undefined;
  };
}

/**
 * Reads and validates the runtime settings once, at start-up.
 *
 * @example
 * const settings = readEnv();              // process.env
 * const settings = readEnv({ PORT: '0' }); // in a test
 */
export function readEnv(env: Record<string, string | undefined> = process.env): Settings {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new SettingsError(`invalid environment: ${problems.join('; ')}`, { cause: parsed.error });
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    dataDir: e.SWITCHBOARD_DATA_DIR,
    tableName: e.SWITCHBOARD_TABLE,
    startAt: e.SWITCHBOARD_NOW === undefined ? undefined : new Date(e.SWITCHBOARD_NOW),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    apiUrls: {
      slack: e.SLACK_API_URL,
      github: e.GITHUB_API_URL,
      twilio: e.TWILIO_API_URL,
      salesforce: e.SALESFORCE_INSTANCE_URL,
      unthread: e.UNTHREAD_API_URL,
      googleSheets: e.GOOGLE_SHEETS_API_URL,
      googleOAuthToken: e.GOOGLE_OAUTH_TOKEN_URL,
    },
  };
}
