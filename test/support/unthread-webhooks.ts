import { readFileSync } from 'node:fs';
import { sendSignedUnthreadRequest } from '../../infra/cli/scenarios/send-signed-unthread-request';
import { conversationUpdatedPayload } from '../../infra/cli/scenarios/unthread-webhook-payload';
import { TEST_UNTHREAD_WEBHOOK_SECRET, type LocalSwitchboard } from './local-switchboard';

/** Unthread's documented webhook payloads, as fixtures. */
export function unthreadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/unthread/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Sends a signed `conversation_updated` as Unthread would, at the runtime's current time. */
export async function postConversationUpdated(
  switchboard: LocalSwitchboard,
  input: { conversationId: string; status: string; eventId?: string; attempt?: number },
): Promise<{ status: number; body: string }> {
  const payload = conversationUpdatedPayload({ ...input, at: switchboard.clock.now() });
  return postUnthreadBody(switchboard, JSON.stringify(payload), input.attempt);
}

/** Sends a raw body to the Unthread endpoint, signed with the test secret. */
export async function postUnthreadBody(switchboard: LocalSwitchboard, body: string, attempt?: number, signingSecret = TEST_UNTHREAD_WEBHOOK_SECRET): Promise<{ status: number; body: string }> {
  return sendSignedUnthreadRequest({ url: `${switchboard.url}/webhooks/unthread`, body, signingSecret, ...(attempt === undefined ? {} : { attempt }) });
}
