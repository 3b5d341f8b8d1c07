import * as z from 'zod';

/** GOOGLE_SERVICE_ACCOUNT_JSON is not a service-account key file. Never echoes the value. */
export class ServiceAccountKeyError extends Error {
  override readonly name = 'ServiceAccountKeyError';
}

const keySchema = z.looseObject({
  type: z.literal('service_account'),
  client_email: z.email(),
  private_key: z.string().includes('PRIVATE KEY'),
  private_key_id: z.string().optional(),
});

export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId: string | undefined;
}

/**
 * The parts of a service-account key file (the JSON Google Cloud downloads) that signing needs.
 *
 * @example
 * const key = parseServiceAccountKey(secrets.GOOGLE_SERVICE_ACCOUNT_JSON);
 */
export function parseServiceAccountKey(json: string): ServiceAccountKey {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ServiceAccountKeyError('GOOGLE_SERVICE_ACCOUNT_JSON is not JSON: paste the whole key file of the service account');
  }
  const parsed = keySchema.safeParse(value);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new ServiceAccountKeyError(`GOOGLE_SERVICE_ACCOUNT_JSON is not a service-account key file (check ${fields})`);
  }
  return { clientEmail: parsed.data.client_email, privateKey: parsed.data.private_key, privateKeyId: parsed.data.private_key_id };
}
