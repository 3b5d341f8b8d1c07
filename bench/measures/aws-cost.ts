import { automations } from '../../functions/registry';
import { matchesSubscription } from '../../shared/bus/subscription';
import { sampleFlows } from '../support/sample-flows';
import type { BundleResult } from './bundles';
import type { FlowStoreCosts } from './store-writes';

/**
 * Published on-demand prices, us-east-1, in USD (the pricing pages of API Gateway, Lambda, EventBridge,
 * DynamoDB, EventBridge Scheduler and CloudWatch Logs); free tiers are left out.
 */
export const PRICES = {
  apiGatewayHttpRequestsPerMillion: 1.0,
  lambdaRequestsPerMillion: 0.2,
  /** Arm (Graviton), per GB-second. */
  lambdaArmGbSecond: 0.0000133334,
  eventBridgeCustomEventsPerMillion: 1.0,
  dynamoDbWriteRequestUnitsPerMillion: 0.625,
  dynamoDbReadRequestUnitsPerMillion: 0.125,
  schedulerInvocationsPerMillion: 1.0,
  cloudWatchLogsIngestionPerGb: 0.5,
} as const;

/** The functions' memory (infra/stack/switchboard-function.ts). */
const MEMORY_GB = 0.25;

export interface FlowCost {
  automation: string;
  description: string;
  calls: {
    apiGatewayRequests: number;
    lambdaInvocations: number;
    lambdaMs: number;
    eventBridgeEvents: number;
    dynamoDbWriteUnits: number;
    dynamoDbReadUnits: number;
    schedulerInvocations: number;
    logBytes: number;
  };
  /** USD per million such events, by service and in all. */
  perMillion: Record<string, number> & { total: number };
}

/**
 * The AWS cost of a million events of each sample flow, from the calls one event makes: the webhook
 * through API Gateway and ingest, one EventBridge event (plus the follow-ups the automation publishes),
 * one invocation of each subscribed function (warm durations measured on the bundles), the DynamoDB
 * write and read units counted on the store, the timers set, and the log bytes written.
 */
export function computeAwsCosts(stores: readonly FlowStoreCosts[], bundles: readonly BundleResult[]): FlowCost[] {
  const warm = new Map(bundles.map((bundle) => [bundle.name, bundle.run]));
  return sampleFlows.flatMap((flow) => {
    const store = stores.find((candidate) => candidate.automation === flow.automation);
    if (store === undefined) return [];
    const event = flow.event(1);
    const subscribers = automations.filter((automation) => automation.subscriptions.some((subscription) => matchesSubscription(subscription, event)));
    const ingest = warm.get('ingest');
    const functionMs = [ingest?.warmMs ?? 0, ...subscribers.map((automation) => warm.get(automation.name)?.warmMs ?? warm.get(flow.automation)?.warmMs ?? 0)];
    const calls = {
      apiGatewayRequests: 1,
      lambdaInvocations: functionMs.length,
      lambdaMs: Math.round(functionMs.reduce((sum, ms) => sum + Math.ceil(ms), 0)),
      eventBridgeEvents: 1 + store.published,
      dynamoDbWriteUnits: store.aws.writeUnits,
      dynamoDbReadUnits: store.aws.strongReads + store.aws.eventualReads * 0.5,
      schedulerInvocations: store.timersSet,
      logBytes: (ingest?.warmLogBytes ?? 0) + subscribers.reduce((sum, automation) => sum + (warm.get(automation.name)?.warmLogBytes ?? 0), 0),
    };
    const perMillion = {
      apiGateway: calls.apiGatewayRequests * PRICES.apiGatewayHttpRequestsPerMillion,
      lambdaRequests: calls.lambdaInvocations * PRICES.lambdaRequestsPerMillion,
      lambdaDuration: (calls.lambdaMs / 1000) * MEMORY_GB * PRICES.lambdaArmGbSecond * 1_000_000,
      eventBridge: calls.eventBridgeEvents * PRICES.eventBridgeCustomEventsPerMillion,
      dynamoDb: calls.dynamoDbWriteUnits * PRICES.dynamoDbWriteRequestUnitsPerMillion + calls.dynamoDbReadUnits * PRICES.dynamoDbReadRequestUnitsPerMillion,
      scheduler: calls.schedulerInvocations * PRICES.schedulerInvocationsPerMillion,
      logs: ((calls.logBytes * 1_000_000) / 1024 ** 3) * PRICES.cloudWatchLogsIngestionPerGb,
    };
    const rounded = Object.fromEntries(Object.entries(perMillion).map(([service, usd]) => [service, Math.round(usd * 100) / 100]));
    const total = Math.round(Object.values(perMillion).reduce((sum, usd) => sum + usd, 0) * 100) / 100;
    return [{ automation: flow.automation, description: flow.description, calls, perMillion: { ...rounded, total } }];
  });
}
