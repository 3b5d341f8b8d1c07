import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, type CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { IGNORED_GITHUB_EVENT } from '../../functions/ingest/github/github-webhooks-endpoint';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StateTable } from './state-table';
import { SwitchboardFunction, type FunctionEnvironment } from './switchboard-function';

/**
 * Requests per second across all webhooks, with room for bursts: well above what a go-to-market team's
 * providers send, low enough that a flood cannot run up the bill. Providers retry what is throttled.
 */
const THROTTLE = { rateLimit: 50, burstLimit: 200 };

/**
 * What the access log keeps of each request. Deliberately no query string and no headers: the Salesforce
 * endpoint is authenticated by a `token` query parameter, and no secret is ever written to a log (SPEC §2).
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export interface WebhookApiProps {
  environment: FunctionEnvironment;
  /** The webhook signing secrets: the only secret ingest may read. */
  secret: ISecret;
  table: StateTable;
  bus: IEventBus;
  /**
   * The URL providers post to, when a custom domain is in front of the API (e.g. `https://hooks.example.com`).
   * @default the HTTP API's own endpoint
   */
  publicBaseUrl?: string | undefined;
}

/**
 * The webhook edge (SPEC §1): an HTTP API that hands every request to the ingest function, which does its
 * own routing, verification and 404/405 answers, so the API has a single `$default` route. Ingest may only
 * read and write its delivery ledger, read the configuration (the contact form's rules), read the webhook
 * signing secrets (never the provider credentials), and publish onto the bus.
 *
 * Ingest is told the public base URL (Twilio signs the URL it posted to). The API's own endpoint is an
 * attribute of the API alone, not of its stage or integration, so the function may refer to the API while
 * the API's integration refers to the function without a dependency cycle.
 */
export class WebhookApi extends Construct {
  readonly ingest: SwitchboardFunction;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** Where providers reach the webhooks, without a trailing slash (PUBLIC_BASE_URL of every function). */
  readonly publicBaseUrl: string;

  constructor(scope: Construct, id: string, props: WebhookApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Switchboard webhooks: every request goes to the ingest function',
      // HttpApi's own default stage takes no access-log or throttle settings: the stage below replaces it.
      createDefaultStage: false,
    });
    // The stage below is `$default`, which adds no path: the API's endpoint is the base URL.
    this.publicBaseUrl = props.publicBaseUrl === undefined ? this.api.apiEndpoint : normalisePublicBaseUrl(props.publicBaseUrl);

    this.ingest = new SwitchboardFunction(this, 'Ingest', {
      entry: 'functions/ingest/handler.ts',
      description: 'Switchboard ingest: verifies webhooks and publishes them onto the bus',
      // Providers expect an ack within seconds (Slack: 3 s); anything slower has failed anyway.
      timeout: Duration.seconds(10),
      memorySize: 256,
      environment: { ...props.environment, publicBaseUrl: this.publicBaseUrl },
      secret: { variable: 'WEBHOOK_SECRET_ARN', secret: props.secret },
    });
    props.table.grantDeliveryLedger(this.ingest);
    props.table.grantConfigurationRead(this.ingest);
    props.bus.grantPutEventsTo(this.ingest);
    // GitHub deliveries acked without publishing (events no automation needs) are counted, by event, from
    // ingest's log line: no write per delivery, no permission beyond the log group it already has.
    new MetricFilter(this, 'IgnoredGitHubEvents', {
      logGroup: this.ingest.logGroup,
      metricNamespace: 'Switchboard',
      metricName: 'IgnoredGitHubEvents',
      filterPattern: FilterPattern.stringValue('$.message', '=', IGNORED_GITHUB_EVENT),
      metricValue: '1',
      dimensions: { Event: '$.githubEvent' },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const everyRequest = new HttpRoute(this, 'EveryRequest', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Ingest', this.ingest.function),
    });
    Validations.of(everyRequest.node.defaultChild as CfnRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "Webhook providers (Slack, GitHub, Twilio, Salesforce, the website) cannot present IAM, Cognito or JWT credentials; every request is authenticated inside the ingest function by the provider's signature or token over the raw body (SPEC §2), and refused with 401 otherwise.",
    });
  }
}

/**
 * An absolute http(s) URL without query, fragment or trailing slash: ingest appends the request path to it
 * to rebuild the URL Twilio signed, so a stray slash would fail every signature.
 */
function normalisePublicBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch (error) {
    throw new Error(`publicBaseUrl "${value}" is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`publicBaseUrl "${value}" must be an http(s) URL`);
  if (url.search !== '' || url.hash !== '') throw new Error(`publicBaseUrl "${value}" must not have a query or fragment`);
  return url.href.replace(/\/+$/, '');
}
