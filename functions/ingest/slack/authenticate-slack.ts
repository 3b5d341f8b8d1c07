import { serviceUnavailable, unauthorized } from '../http-error';
import type { IngestRequest } from '../http';
import type { IngestContext } from '../ingest-context';
import { SlackSignatureError, verifySlackRequest } from './verify-slack-request';

/** Verifies a Slack request on its raw body, or answers 401 (503 when no signing secret is configured). */
export async function authenticateSlack(request: IngestRequest, context: IngestContext): Promise<void> {
  const { SLACK_SIGNING_SECRET: signingSecret } = await context.secrets();
  if (signingSecret === undefined) throw serviceUnavailable('Slack is not configured: SLACK_SIGNING_SECRET is not set');
  try {
    verifySlackRequest({
      signingSecret,
      body: request.body,
      headers: request.headers,
      nowMilliseconds: context.clock.now().getTime(),
    });
  } catch (error) {
    if (error instanceof SlackSignatureError) throw unauthorized(error.message);
    throw error;
  }
}
