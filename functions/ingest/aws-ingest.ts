import { EventBridgeBus } from '../../shared/bus/event-bus-eventbridge';
import { systemClock } from '../../shared/clock/clock';
import { readAwsEnvironment } from '../../shared/aws/aws-environment';
import { loadSecrets } from '../../shared/aws/load-secrets';
import { WEBHOOK_SECRET_NAMES } from '../../shared/settings/secrets';
import { PowertoolsLogger } from '../../shared/log/powertools-logger';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { ConfiguredContactFormRules } from './contact-form/contact-form-rules';
import { FormSubmissions } from './contact-form/form-submissions';
import { DeliveryLedger } from './delivery-ledger';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { createIngest } from './ingest';
import { LedgeredIntake } from './ledgered-intake';
import type { IngestRequest, IngestResponse } from './http';

/**
 * Ingest wired to DynamoDB, EventBridge and Secrets Manager (the secret is re-read at most every 5 minutes,
 * the contact form's rules every 30 seconds).
 */
export function createAwsIngest(env: Record<string, string | undefined> = process.env): (request: IngestRequest) => Promise<IngestResponse> {
  const environment = readAwsEnvironment(env);
  const webhookSecretArn = environment.webhookSecretArn;
  if (webhookSecretArn === undefined) throw new Error('invalid function environment: WEBHOOK_SECRET_ARN (the webhook secret) is not set');
  const clock = systemClock;
  const log = PowertoolsLogger.forLambda(environment.logLevel);
  const table = new DynamoDbTable(createDocumentClient(), environment.tableName, clock);
  const deliveries = new DeliveryLedger(table, clock);
  const contactFormRules = new ConfiguredContactFormRules(table, clock, { cacheMs: 30_000 });
  return createIngest({
    clock,
    // The webhook secret only: ingest's role may not read the provider credentials.
    secrets: () => loadSecrets(webhookSecretArn, WEBHOOK_SECRET_NAMES),
    publicBaseUrl: () => environment.publicBaseUrl,
    intake: new LedgeredIntake(new EventBridgeBus(environment.busName), deliveries, log),
    contactFormRules: () => contactFormRules.current(),
    formSubmissions: new FormSubmissions(table, clock),
    log,
    runtime: 'aws',
    version: SWITCHBOARD_VERSION,
  });
}
