/** Names of the credentials (SPEC §2): environment variables locally, keys of one Secrets Manager JSON secret on AWS. */
export const SECRET_NAMES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  /** The secret GitHub signed with before a rotation, accepted until every webhook uses the new one. */
  'GITHUB_WEBHOOK_SECRET_PREVIOUS',
  'GITHUB_TOKEN',
  /** A GitHub App instead of a token: its id and private key (PEM); installation tokens are obtained per repository owner. */
  'GITHUB_APP_ID',
  'GITHUB_APP_PRIVATE_KEY',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM_NUMBER',
  'SALESFORCE_LOGIN_URL',
  'SALESFORCE_CLIENT_ID',
  'SALESFORCE_CLIENT_SECRET',
  /** The org whose outbound messages are accepted (its 15- or 18-character id, `00D…`). */
  'SALESFORCE_ORG_ID',
  /** The `token` query parameter of the outbound message's endpoint URL. */
  'SALESFORCE_OUTBOUND_TOKEN',
  'UNTHREAD_API_KEY',
  'UNTHREAD_WEBHOOK_SECRET',
  'CONTACT_FORM_SECRET',
  'GOOGLE_SERVICE_ACCOUNT_JSON',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Partial<Record<SecretName, string>>;

/**
 * What ingest reads (SPEC §2: the inbound signing secrets, kept apart from the provider credentials): on
 * AWS the keys of the webhook secret, the only secret ingest's role may read. `TWILIO_AUTH_TOKEN` is here
 * because it verifies Twilio's webhooks, and in the credentials secret too, because it also authenticates
 * the calls that send SMS.
 */
export const WEBHOOK_SECRET_NAMES = [
  'SLACK_SIGNING_SECRET',
  'TWILIO_AUTH_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  'GITHUB_WEBHOOK_SECRET_PREVIOUS',
  'CONTACT_FORM_SECRET',
  'UNTHREAD_WEBHOOK_SECRET',
  'SALESFORCE_OUTBOUND_TOKEN',
  'SALESFORCE_ORG_ID',
] as const satisfies readonly SecretName[];

/** Signing secrets no automation needs: kept out of the credentials secret that the automations read. */
const VERIFYING_ONLY: ReadonlySet<SecretName> = new Set(WEBHOOK_SECRET_NAMES.filter((name) => name !== 'TWILIO_AUTH_TOKEN'));

/** What the automations read: on AWS the keys of the credentials secret (every name but the signing-only ones). */
export const CREDENTIAL_NAMES: readonly SecretName[] = SECRET_NAMES.filter((name) => !VERIFYING_ONLY.has(name));

/**
 * The secrets that authenticate the inbound webhooks ingest serves. Locally, any of these left unset is
 * generated once and kept under the data directory, so signatures are always checked and
 * `switchboard simulate` can sign. Each provider's endpoint adds its secret here when it lands.
 */
export const INBOUND_SECRET_NAMES = [
  'SLACK_SIGNING_SECRET',
  'TWILIO_AUTH_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  'CONTACT_FORM_SECRET',
  'UNTHREAD_WEBHOOK_SECRET',
  'SALESFORCE_OUTBOUND_TOKEN',
  'SALESFORCE_ORG_ID',
] as const satisfies readonly SecretName[];

/**
 * Picks the known secret names (or only `names`) out of a flat record (the environment, or the parsed
 * Secrets Manager JSON), dropping blanks. Unknown keys are ignored, and so are values that are not text,
 * except where the value is JSON itself (`…_JSON`): written in the secret's JSON as an object
 * (`"GOOGLE_SERVICE_ACCOUNT_JSON": { "type": "service_account", … }`), it is taken as that object's JSON
 * text, as if it had been written escaped in a string.
 *
 * @example
 * const secrets = readSecrets(process.env);
 * const signing = readSecrets(webhookSecretJson, WEBHOOK_SECRET_NAMES);
 */
export function readSecrets(source: Record<string, unknown>, names: readonly SecretName[] = SECRET_NAMES): Secrets {
  const secrets: Secrets = {};
  for (const name of names) {
    const value = source[name];
    if (typeof value === 'string' && value.trim() !== '') secrets[name] = value.trim();
    else if (name.endsWith('_JSON') && typeof value === 'object' && value !== null && !Array.isArray(value)) secrets[name] = JSON.stringify(value);
  }
  return secrets;
}
