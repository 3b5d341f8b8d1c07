import type { DeliveryIntake } from '../../shared/bus/delivery-intake';
import type { Clock } from '../../shared/clock/clock';
import type { Logger } from '../../shared/log/logger';
import type { Secrets } from '../../shared/settings/secrets';
import type { ContactFormRules } from './contact-form/contact-form-rules';
import type { FormSubmissions } from './contact-form/form-submissions';

/** What ingest needs, built once per process (Lambda container or local runtime). */
export interface IngestContext {
  clock: Clock;
  /** The verifying secrets; a function so that a rotated secret is picked up without a restart. */
  secrets: () => Promise<Secrets>;
  /**
   * The public base URL webhooks reach us at (`PUBLIC_BASE_URL`; locally the runtime's own URL by
   * default). Twilio signs the full URL, so its verification needs it.
   */
  publicBaseUrl: () => string | undefined;
  /** Where verified deliveries go: durable and deduplicated before the ack. */
  intake: DeliveryIntake;
  /** The contact form's rules in force (banned e-mail domains, the re-post window), from the configuration. */
  contactFormRules: () => Promise<ContactFormRules>;
  /** Form posts seen within their re-post window, so that the same form posted again counts once. */
  formSubmissions: FormSubmissions;
  log: Logger;
  /**
   * Where a Slack shortcut's `response_url` may point besides https://hooks.slack.com/: a fake Slack on
   * 127.0.0.1 in tests. Unset in production, where only Slack's own are kept.
   */
  slackResponseUrlOverride?: string | undefined;
  runtime: 'aws' | 'local';
  version: string;
}
