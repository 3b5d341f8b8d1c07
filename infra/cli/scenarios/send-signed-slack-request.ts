import { signSlackRequest } from '../../../functions/ingest/slack/verify-slack-request';

/**
 * POSTs a body to a Switchboard Slack endpoint, signed like Slack signs it (SPEC §2), and returns the
 * answer. `retryNum` adds Slack's retry header, as a redelivery would.
 */
export async function sendSignedSlackRequest(input: {
  url: string;
  body: string;
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  signingSecret: string;
  timestampSeconds: number;
  retryNum?: number;
}): Promise<{ status: number; body: string }> {
  const response = await fetch(input.url, {
    method: 'POST',
    headers: {
      'content-type': input.contentType,
      'x-slack-request-timestamp': String(input.timestampSeconds),
      'x-slack-signature': signSlackRequest(input.signingSecret, input.timestampSeconds, input.body),
      ...(input.retryNum === undefined ? {} : { 'x-slack-retry-num': String(input.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
    },
    body: input.body,
  });
  return { status: response.status, body: await response.text() };
}
