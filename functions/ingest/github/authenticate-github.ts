import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { GitHubSignatureError, verifyGitHubRequest } from './verify-github-request';

/**
 * Verifies a GitHub delivery on its raw body with `GITHUB_WEBHOOK_SECRET`, or, during a rotation, with
 * `GITHUB_WEBHOOK_SECRET_PREVIOUS`; answers 401 otherwise (503 when no secret is configured).
 */
export async function authenticateGitHub(request: IngestRequest, context: IngestContext): Promise<void> {
  const { GITHUB_WEBHOOK_SECRET: secret, GITHUB_WEBHOOK_SECRET_PREVIOUS: previous } = await context.secrets();
  if (secret === undefined) throw serviceUnavailable('GitHub is not configured: GITHUB_WEBHOOK_SECRET is not set');
  try {
    verifyGitHubRequest({
      secret,
      ...(previous === undefined ? {} : { additionalSecrets: [previous] }),
      body: request.body,
      signature: request.headers['x-hub-signature-256'],
    });
  } catch (error) {
    if (error instanceof GitHubSignatureError) throw unauthorized(error.message);
    throw error;
  }
}
