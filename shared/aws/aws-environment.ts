import * as z from 'zod';

/** The environment the stack gives every function (see infra/stack). */
export const AWS_ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  busName: 'EVENT_BUS_NAME',
  secretArn: 'SECRET_ARN',
  dryRunProviders: 'DRY_RUN_PROVIDERS',
  logLevel: 'LOG_LEVEL',
  publicBaseUrl: 'PUBLIC_BASE_URL',
} as const;

const schema = z.object({
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_NAME: z.string().min(1),
  SECRET_ARN: z.string().min(1),
  DRY_RUN_PROVIDERS: z.string().default(''),
  LOG_LEVEL: z
    .string()
    .default('INFO')
    .transform((level) => level.toUpperCase())
    .pipe(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'])),
  SLACK_API_URL: z.url().optional(),
  PUBLIC_BASE_URL: z.url().optional(),
});

export interface AwsEnvironment {
  tableName: string;
  busName: string;
  secretArn: string;
  /** Providers deliberately kept in dry-run on AWS (e.g. for a staging stack). */
  dryRunProviders: ReadonlySet<string>;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** The webhooks' public base URL (the HTTP API, or a custom domain). */
  publicBaseUrl: string | undefined;
  apiUrls: { slack: string | undefined };
}

/**
 * Reads the Lambda environment once per container.
 *
 * @example
 * const environment = readAwsEnvironment(); // process.env
 */
export function readAwsEnvironment(env: Record<string, string | undefined> = process.env): AwsEnvironment {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid function environment: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    tableName: e.TABLE_NAME,
    busName: e.EVENT_BUS_NAME,
    secretArn: e.SECRET_ARN,
    dryRunProviders: new Set(e.DRY_RUN_PROVIDERS.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean)),
    logLevel: e.LOG_LEVEL,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    apiUrls: { slack: e.SLACK_API_URL },
  };
}
