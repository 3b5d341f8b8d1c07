import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { readSecrets, type Secrets } from '../settings/secrets';

/** Seconds a fetched secret is reused: a rotated secret is picked up within this time. */
const MAX_AGE_SECONDS = 300;

/**
 * The credentials from the stack's one Secrets Manager secret (JSON with the names of SPEC §2), cached by
 * Powertools Parameters between invocations.
 */
export async function loadSecrets(secretArn: string): Promise<Secrets> {
  const value = await getSecret<Record<string, unknown>>(secretArn, { transform: 'json', maxAge: MAX_AGE_SECONDS });
  return readSecrets(value ?? {});
}
