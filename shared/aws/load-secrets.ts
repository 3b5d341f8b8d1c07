import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { readSecrets, SECRET_NAMES, type SecretName, type Secrets } from '../settings/secrets';

/** Seconds a fetched secret is reused: a rotated secret is picked up within this time. */
const MAX_AGE_SECONDS = 300;

/**
 * A Secrets Manager secret of the stack (JSON keyed by the names of SPEC §2), cached by Powertools
 * Parameters between invocations: the credentials secret for the automations, the webhook secret for
 * ingest. Only `names` are taken from it, so a key put in the wrong secret is not read.
 *
 * @example
 * const credentials = await loadSecrets(environment.secretArn, CREDENTIAL_NAMES);
 */
export async function loadSecrets(secretArn: string, names: readonly SecretName[] = SECRET_NAMES): Promise<Secrets> {
  const value = await getSecret<Record<string, unknown>>(secretArn, { transform: 'json', maxAge: MAX_AGE_SECONDS });
  return readSecrets(value ?? {}, names);
}
