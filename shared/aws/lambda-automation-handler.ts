import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { Automation } from '../automation/automation';
import type { Platform } from '../automation/platform';
import { runAutomation } from '../automation/run-automation';
import { validateEvent } from '../events/validate-event';
import { createAwsPlatform, type AwsProviders } from './aws-platform';
import { runOptionsOf } from './direct-invocation';
import { waitOutContention } from './wait-out-contention';

/** What the handler reads of Lambda's context: the time its invocation has left. */
export type LambdaContext = Pick<Context, 'getRemainingTimeInMillis'>;

export interface LambdaHandlerOptions {
  /** How to wait before trying a contended run again (a timer; tests pass a gate). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The Lambda handler of an automation: EventBridge delivers the event, the detail is validated against
 * the catalogue on receipt, and the shared runner does the rest. A run that meets contention (a double
 * click: another attempt holds its effect) is tried again in-process after a short wait, so ordinary
 * traffic never fails an invocation. A transient failure rejects, so Lambda's asynchronous retries (then
 * the dead-letter queue) take over.
 *
 * A provider's rate limit too: Lambda takes no wait from a function, it retries a failed asynchronous
 * invocation about a minute later, then about two minutes after that (infra/stack/automation-wiring.ts).
 * So a wait the provider asks for (`retryAfterSeconds`; GitHub's secondary limit: 60 s) of up to a minute
 * is honoured by the first retry and one of up to three minutes by the second; a longer one (a primary
 * limit resetting later) ends in the automation's dead-letter queue with its run failed and "retry after
 * Ns" in its error, for `deliveries redrive` once the limit has reset. The provider clients wait out
 * shorter limits in-process.
 *
 * @example
 * export const handler = lambdaAutomationHandler(afterHours);
 * export const handler = lambdaAutomationHandler(paging, { sms: awsSmsSender });
 */
export function lambdaAutomationHandler(
  automation: Automation,
  providers: AwsProviders = {},
  options: LambdaHandlerOptions = {},
): (event: EventBridgeEvent<string, unknown>, context: LambdaContext) => Promise<void> {
  let platform: Promise<Platform> | undefined;
  const wait = options.sleep ?? ((ms: number) => sleep(ms).then(() => undefined));
  return async (event, context) => {
    platform ??= createAwsPlatform(process.env, providers).catch((error: unknown) => {
      platform = undefined; // the next invocation tries again
      throw error;
    });
    const domainEvent = validateEvent(event['detail-type'], event.detail);
    const ready = await platform;
    // A replay invokes the function directly, naming the new run.
    const runOptions = runOptionsOf(event);
    await waitOutContention(() => runAutomation(automation, domainEvent, ready, runOptions), {
      remainingMs: () => context.getRemainingTimeInMillis(),
      sleep: wait,
      log: ready.log.child({ automation: automation.name }),
    });
  };
}
