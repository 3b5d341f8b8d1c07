import { AssetHashType, DockerImage, Duration, Validations } from 'aws-cdk-lib';
import { ServicePrincipal, Role, type IGrantable, type IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AWS_ENVIRONMENT } from '../../shared/aws/aws-environment';

/** The repository root: handler entries, the lock file and tsconfig.json are resolved from it. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What every function is told about its surroundings (shared/aws/aws-environment.ts reads it). */
export interface FunctionEnvironment {
  tableName: string;
  busName: string;
  /** Providers kept in dry-run on this stack (DRY_RUN_PROVIDERS). */
  dryRunProviders: readonly string[];
  logLevel: string;
  /** The webhooks' public base URL, without a trailing slash (PUBLIC_BASE_URL). @default unset */
  publicBaseUrl?: string | undefined;
  /** `GITHUB_API_URL`: GitHub Enterprise Server's API (`https://HOST/api/v3`). @default unset: https://api.github.com */
  githubApiUrl?: string | undefined;
  /** `SALESFORCE_INSTANCE_URL`: Salesforce's REST API there, not at the token answer's instance_url. @default unset */
  salesforceInstanceUrl?: string | undefined;
  /** Only for functions that set timers: where their schedules go. @default unset: timers are unavailable */
  timers?: TimersEnvironment | undefined;
}

/** What a function that sets timers needs to create EventBridge Scheduler schedules (shared/timers/scheduler-timers.ts). */
export interface TimersEnvironment {
  /** SCHEDULE_GROUP */
  scheduleGroupName: string;
  /** SCHEDULER_ROLE_ARN: the role Scheduler assumes to put `timer.fired` on the bus. */
  schedulerRoleArn: string;
  /** EVENT_BUS_ARN: the schedules' target. */
  busArn: string;
  /** TIMERS_DEAD_LETTER_ARN: where Scheduler puts a timer it could not deliver. */
  deadLetterArn: string;
}

/** The secret a function reads, and the variable that names it (SECRET_ARN, or WEBHOOK_SECRET_ARN for ingest). */
export interface FunctionSecret {
  variable: 'SECRET_ARN' | 'WEBHOOK_SECRET_ARN';
  secret: ISecret;
}

export interface SwitchboardFunctionProps {
  /** The handler file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  timeout: Duration;
  /** @default 256 — Lambda's CPU scales with memory, and cold starts of the bundles are CPU-bound. */
  memorySize?: number;
  environment: FunctionEnvironment;
  /** The one secret it may read: the credentials (automations) or the webhook signing secrets (ingest). */
  secret: FunctionSecret;
}

/**
 * A Switchboard Lambda function, with the defaults decided once: Node 22 on Graviton, a bundle minified
 * by the locally installed esbuild (never Docker) through `infra/build/bundle-function.mjs` — the same
 * bundling the benchmarks measure, which keeps the holiday library to the bundled rules — with the AWS
 * SDK left to the runtime, its own log group with a retention, the common environment, and read access
 * to its one secret (nothing else: ingest cannot read the provider credentials).
 *
 * The function gets its own role, allowed to write to its own log group only, instead of the broad
 * AWSLambdaBasicExecutionRole managed policy.
 *
 * @example
 * const ingest = new SwitchboardFunction(this, 'Ingest', { entry: 'functions/ingest/handler.ts', … });
 * bus.grantPutEventsTo(ingest);
 */
export class SwitchboardFunction extends Construct implements IGrantable {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly grantPrincipal: IPrincipal;

  constructor(scope: Construct, id: string, props: SwitchboardFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    this.role = role;
    this.logGroup.grantWrite(role);

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      environment: environmentVariables(props.environment, props.secret),
    });
    this.grantPrincipal = this.function.grantPrincipal;
    props.secret.secret.grantRead(this.function);
    Validations.of(this.function.node.defaultChild as CfnFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Switchboard targets Node.js 22 (an LTS line supported by Lambda until 2027): the local runtime, the tests and the benchmarks run the same code on Node 20/22, and a runtime upgrade is a deliberate, tested change rather than one made whenever Lambda adds a newer runtime.',
    });
  }
}

/**
 * The function's code: its handler bundled on this machine by `infra/build/bundle-function.mjs` (the
 * asset is hashed by the bundle it produces). Docker is never used: a failed bundle fails the synthesis.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'), // required by the API, never pulled
      local: {
        tryBundle(outputDir) {
          const bundled = spawnSync(process.execPath, [join(PROJECT_ROOT, 'infra/build/bundle-function.mjs'), entry, outputDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
          if (bundled.status !== 0) throw new Error(`bundling ${entry} failed: ${bundled.stderr || bundled.error?.message}`);
          return true;
        },
      },
    },
  });
}

/** The variables of shared/aws/aws-environment.ts; optional ones are left out rather than set empty. */
function environmentVariables(environment: FunctionEnvironment, secret: FunctionSecret): Record<string, string> {
  const { publicBaseUrl, githubApiUrl, salesforceInstanceUrl, timers } = environment;
  return {
    [AWS_ENVIRONMENT.tableName]: environment.tableName,
    [AWS_ENVIRONMENT.busName]: environment.busName,
    [secret.variable]: secret.secret.secretArn,
    [AWS_ENVIRONMENT.dryRunProviders]: environment.dryRunProviders.join(','),
    [AWS_ENVIRONMENT.logLevel]: environment.logLevel,
    ...(publicBaseUrl === undefined ? {} : { [AWS_ENVIRONMENT.publicBaseUrl]: publicBaseUrl }),
    ...(githubApiUrl === undefined ? {} : { [AWS_ENVIRONMENT.githubApiUrl]: githubApiUrl }),
    ...(salesforceInstanceUrl === undefined ? {} : { [AWS_ENVIRONMENT.salesforceInstanceUrl]: salesforceInstanceUrl }),
    ...(timers === undefined
      ? {}
      : {
          [AWS_ENVIRONMENT.scheduleGroup]: timers.scheduleGroupName,
          [AWS_ENVIRONMENT.schedulerRoleArn]: timers.schedulerRoleArn,
          [AWS_ENVIRONMENT.busArn]: timers.busArn,
          [AWS_ENVIRONMENT.timersDeadLetterArn]: timers.deadLetterArn,
        }),
    POWERTOOLS_SERVICE_NAME: 'switchboard',
  };
}
