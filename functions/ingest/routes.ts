import { contactFormEndpoint } from './contact-form/contact-form-endpoint';
import type { Endpoint } from './endpoint';
import { githubWebhooksEndpoint } from './github/github-webhooks-endpoint';
import { healthEndpoint } from './health-endpoint';
import { salesforceOutboundEndpoint } from './salesforce/salesforce-outbound-endpoint';
import { slackEventsEndpoint } from './slack/slack-events-endpoint';
import { slackInteractionsEndpoint } from './slack/slack-interactions-endpoint';
import { twilioSmsEndpoint } from './twilio/twilio-sms-endpoint';
import { twilioStatusEndpoint } from './twilio/twilio-status-endpoint';
import { unthreadEndpoint } from './unthread/unthread-endpoint';

/**
 * The HTTP contract (SPEC §2), one path per endpoint. Providers whose automation has not been built yet
 * have no path here, so they are answered 404.
 */
export const routes: Readonly<Record<string, Endpoint>> = {
  '/webhooks/slack/events': slackEventsEndpoint,
  '/webhooks/slack/interactions': slackInteractionsEndpoint,
  '/webhooks/twilio/sms': twilioSmsEndpoint,
  '/webhooks/twilio/status': twilioStatusEndpoint,
  '/webhooks/contact-form': contactFormEndpoint,
  '/webhooks/unthread': unthreadEndpoint,
  '/webhooks/github': githubWebhooksEndpoint,
  '/webhooks/salesforce': salesforceOutboundEndpoint,
  '/health': healthEndpoint,
};
