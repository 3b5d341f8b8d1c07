import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { UnthreadSignatureError, verifyUnthreadRequest } from './verify-unthread-request';

/** Verifies an Unthread webhook on its raw body, or answers 401 (503 when no UNTHREAD_WEBHOOK_SECRET is configured). */
export async function authenticateUnthread(request: IngestRequest, context: IngestContext): Promise<void> {
  const { UNTHREAD_WEBHOOK_SECRET: signingSecret } = await context.secrets();
  if (signingSecret === undefined) throw serviceUnavailable('Unthread is not configured: UNTHREAD_WEBHOOK_SECRET is not set');
  try {
    verifyUnthreadRequest({ signingSecret, body: request.body, signature: request.headers['x-unthread-signature'] });
  } catch (error) {
    if (error instanceof UnthreadSignatureError) throw unauthorized(error.message);
    throw error;
  }
}
