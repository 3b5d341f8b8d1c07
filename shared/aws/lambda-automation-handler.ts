import type { EventBridgeEvent } from 'aws-lambda';
import type { Automation } from '../automation/automation';
import type { Platform } from '../automation/platform';
import { runAutomation } from '../automation/run-automation';
import { validateEvent } from '../events/validate-event';
import { createAwsPlatform, type AwsProviders } from './aws-platform';
import { runOptionsOf } from './direct-invocation';

/**
 * The Lambda handler of an automation: EventBridge delivers the event, the detail is validated against
 * the catalogue on receipt, and the shared runner does the rest. A transient failure rejects, so Lambda's
 * asynchronous retries (then the dead-letter queue) take over.
 *
 * @example
 * export const handler = lambdaAutomationHandler(afterHours);
 * export const handler = lambdaAutomationHandler(paging, { sms: awsSmsSender });
 */
export function lambdaAutomationHandler(automation: Automation, providers: AwsProviders = {}): (event: EventBridgeEvent<string, unknown>) => Promise<void> {
  let platform: Promise<Platform> | undefined;
  return async (event) => {
    platform ??= createAwsPlatform(process.env, providers).catch((error: unknown) => {
      platform = undefined; // the next invocation tries again
      throw error;
    });
    const domainEvent = validateEvent(event['detail-type'], event.detail);
    // A replay invokes the function directly, naming the new run.
    await runAutomation(automation, domainEvent, await platform, runOptionsOf(event));
  };
}
