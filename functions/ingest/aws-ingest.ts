import { EventBridgeBus } from '../../shared/bus/event-bus-eventbridge';
import { systemClock } from '../../shared/clock/clock';
import { readAwsEnvironment } from '../../shared/aws/aws-environment';
import { loadSecrets } from '../../shared/aws/load-secrets';
import { createLogger } from '../../shared/log/logger';
import { createDocumentClient } from '../../shared/store/dynamodb-client';
import { DynamoDbTable } from '../../shared/store/dynamodb-table';
import { DeliveryLedger } from './delivery-ledger';
import { SWITCHBOARD_VERSION } from '../../shared/version';
import { createIngest } from './ingest';
import { LedgeredIntake } from './ledgered-intake';
import type { IngestRequest, IngestResponse } from './http';

/** Ingest wired to DynamoDB, EventBridge and Secrets Manager (the secret is re-read at most every 5 minutes). */
export function createAwsIngest(env: Record<string, string | undefined> = process.env): (request: IngestRequest) => Promise<IngestResponse> {
  const environment = readAwsEnvironment(env);
  const clock = systemClock;
  const log = createLogger({ level: environment.logLevel, runtime: 'aws' });
  const deliveries = new DeliveryLedger(new DynamoDbTable(createDocumentClient(), environment.tableName, clock), clock);
  return createIngest({
    clock,
    secrets: () => loadSecrets(environment.secretArn),
    publicBaseUrl: () => environment.publicBaseUrl,
    intake: new LedgeredIntake(new EventBridgeBus(environment.busName), deliveries, log),
    log,
    runtime: 'aws',
    version: SWITCHBOARD_VERSION,
  });
}
