import type { Endpoint } from './endpoint';
import { healthEndpoint } from './health-endpoint';
import { slackEventsEndpoint } from './slack/slack-events-endpoint';
import { slackInteractionsEndpoint } from './slack/slack-interactions-endpoint';

/**
 * The HTTP contract (SPEC §2), one path per endpoint. Providers whose automation has not been built yet
 * have no path here, so they are answered 404.
 */
export const routes: Readonly<Record<string, Endpoint>> = {
  '/webhooks/slack/events': slackEventsEndpoint,
  '/webhooks/slack/interactions': slackInteractionsEndpoint,
  '/health': healthEndpoint,
};
