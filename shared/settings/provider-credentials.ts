import type { SecretName } from './secrets';

/**
 * The credentials that make each provider live, by the provider's name as `dryRunProviders` and the outbox
 * spell it: any one of the alternatives, with every name in it set.
 */
export const PROVIDER_CREDENTIALS: Readonly<Record<string, readonly (readonly SecretName[])[]>> = {
  slack: [['SLACK_BOT_TOKEN']],
  twilio: [['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER']],
  unthread: [['UNTHREAD_API_KEY']],
  'google-sheets': [['GOOGLE_SERVICE_ACCOUNT_JSON']],
  github: [['GITHUB_TOKEN'], ['GITHUB_APP_ID', 'GITHUB_APP_PRIVATE_KEY']],
};

/** What to set to make `provider` live, said for a person: "GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY". */
export function credentialsToSet(provider: string): string {
  return (PROVIDER_CREDENTIALS[provider] ?? []).map((names) => names.join(names.length > 2 ? ', ' : ' and ')).join(', or ');
}
