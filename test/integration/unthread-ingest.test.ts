import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnthreadRequest } from '../../functions/ingest/unthread/verify-unthread-request';
import { startLocalSwitchboard, TEST_UNTHREAD_WEBHOOK_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { postConversationUpdated, postUnthreadBody, unthreadFixture } from '../support/unthread-webhooks';

const NOW = '2026-11-23T09:00:00-08:00';

describe("POST /webhooks/unthread: Unthread's signed webhooks", () => {
  let switchboard: LocalSwitchboard;

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), options: { automations: [] } });
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  /** The delivery the local bus keeps for an Unthread eventId: its events, or undefined when none was accepted. */
  async function deliveryOf(eventId: string) {
    return switchboard.platform.table.get<{ events: { detailType: string; detail: Record<string, unknown> }[] }>({ pk: `delivery#unthread#${eventId}`, sk: 'queue' });
  }

  it('answers the signed url_verification with 200, publishing nothing', async () => {
    const body = JSON.stringify(unthreadFixture('url-verification'));

    const answer = await postUnthreadBody(switchboard, body);

    expect(answer.status).toBe(200);
    expect(await deliveryOf('0e6c5b62-3f6d-4a3f-9a57-2f0c1a7d9b11')).toBeUndefined();
  });

  it('publishes conversation_updated as unthread.conversation.updated with the conversation and its status', async () => {
    const answer = await postUnthreadBody(switchboard, JSON.stringify(unthreadFixture('conversation-updated')));

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 1 });
    const delivery = await deliveryOf('49bac55d-5445-4e70-ad72-c87e2e8adb3f');
    expect(delivery?.events).toEqual([
      {
        detailType: 'unthread.conversation.updated',
        detail: expect.objectContaining({ provider: 'unthread', conversationId: 'b72c8bcd-0387-4a6d-92b3-14016c3c53e5', status: 'closed' }),
      },
    ]);
    expect(JSON.stringify(delivery?.events)).not.toContain('Ada Lovelace');
  });

  it("acks Unthread's retry of a delivery (same eventId) without publishing it again", async () => {
    const first = await postConversationUpdated(switchboard, { conversationId: 'conv-retried', status: 'in_progress', eventId: 'evt-retried-1' });
    const retry = await postConversationUpdated(switchboard, { conversationId: 'conv-retried', status: 'in_progress', eventId: 'evt-retried-1', attempt: 2 });

    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(JSON.parse(first.body).published).toBe(1);
    expect(JSON.parse(retry.body).published).toBe(0);
  });

  it('acks other events without publishing them', async () => {
    const body = JSON.stringify({ ...unthreadFixture('conversation-updated'), event: 'message_created', eventId: 'evt-message-1' });

    const answer = await postUnthreadBody(switchboard, body);

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, published: 0 });
    expect(await deliveryOf('evt-message-1')).toBeUndefined();
  });

  it('accepts a status Unthread may add later, rather than refusing the webhook', async () => {
    const answer = await postConversationUpdated(switchboard, { conversationId: 'conv-new-status', status: 'snoozed', eventId: 'evt-snoozed' });

    expect(answer.status).toBe(200);
    expect((await deliveryOf('evt-snoozed'))?.events[0]?.detail['status']).toBe('snoozed');
  });

  describe('refused, publishing nothing', () => {
    it('answers 401 to a missing, malformed or wrong signature', async () => {
      const body = JSON.stringify({ ...unthreadFixture('conversation-updated'), eventId: 'evt-unsigned' });
      const post = (headers: Record<string, string>) => fetch(`${switchboard.url}/webhooks/unthread`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-unthread-signature': 'nope' })).status).toBe(401);
      expect((await post({ 'x-unthread-signature': signUnthreadRequest('other-secret', body) })).status).toBe(401);
      expect((await postUnthreadBody(switchboard, body, 1, `${TEST_UNTHREAD_WEBHOOK_SECRET}x`)).status).toBe(401);
      expect(await deliveryOf('evt-unsigned')).toBeUndefined();
    });

    it('answers 400 naming the bad fields of a signed conversation_updated', async () => {
      const body = JSON.stringify({ event: 'conversation_updated', eventId: 'evt-bad', eventTimestamp: 'yesterday', data: { status: 'closed' } });

      const answer = await postUnthreadBody(switchboard, body);

      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).details.map((issue: { path: string }) => issue.path)).toEqual(['eventTimestamp', 'data.id']);
      expect(await deliveryOf('evt-bad')).toBeUndefined();
    });

    it('answers 400 to a signed body that is not JSON', async () => {
      expect((await postUnthreadBody(switchboard, '{"event":')).status).toBe(400);
    });
  });
});
