import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SideEffectLedger } from '../../../../shared/idempotency/side-effect-ledger';
import { createLogger } from '../../../../shared/log/logger';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { LiveUnthreadConversations, retryAfterMs } from '../../../../shared/providers/unthread/live-unthread-conversations';
import type { NewUnthreadConversation } from '../../../../shared/providers/unthread/unthread-conversations';
import { createConversationBody } from '../../../../shared/providers/unthread/unthread-requests';
import { FakeUnthreadApi } from '../../../support/fake-unthread-api';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const APPLICATION: NewUnthreadConversation = {
  reference: 'SB-4F1A9C0B7E',
  type: 'email',
  title: 'Job application: Software Engineer — Ada Lovelace [SB-4F1A9C0B7E]',
  markdown: '**Job application for Software Engineer**',
  priority: 5,
  assignedToUserId: '3f0f1e2a-0000-4000-8000-000000000001',
  onBehalfOf: { name: 'Ada Lovelace', email: 'ada.lovelace@example.org' },
  emailInboxId: '5b1d9c3e-0000-4000-8000-00000000beef',
};

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

describe('the live Unthread adapter (fetch against a fake Unthread API)', () => {
  let api: FakeUnthreadApi;
  let waits: number[];
  let unthread: LiveUnthreadConversations;
  const log = createLogger({ level: 'SILENT', runtime: 'local' });

  beforeAll(async () => {
    api = await FakeUnthreadApi.start();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.reset();
    waits = [];
    unthread = new LiveUnthreadConversations({
      apiKey: api.apiKey,
      apiUrl: api.url,
      log,
      timeoutMs: 2_000,
      retries: { attempts: 3, maxWaitMs: 10_000, baseDelayMs: 250 },
      wait: async (milliseconds) => {
        waits.push(milliseconds);
      },
    });
  });

  describe('create', () => {
    it('posts the conversation with X-Api-Key, open, on behalf of the applicant, in the e-mail inbox', async () => {
      const created = await unthread.create(APPLICATION);

      const [request] = api.requestsTo('POST', '/api/conversations');
      expect(request).toMatchObject({ apiKey: api.apiKey, status: 200 });
      expect(request?.body).toEqual({
        type: 'email',
        title: APPLICATION.title,
        markdown: APPLICATION.markdown,
        status: 'open',
        priority: 5,
        assignedToUserId: APPLICATION.assignedToUserId,
        onBehalfOf: { name: 'Ada Lovelace', email: 'ada.lovelace@example.org' },
        emailInboxId: APPLICATION.emailInboxId,
      });
      expect(created).toEqual({ id: api.created()[0]?.id, status: 'open', friendlyId: 1 });
    });

    it('sends exactly the body the dry-run adapter records', async () => {
      await unthread.create(APPLICATION);

      expect(api.requests[0]?.body).toEqual(createConversationBody(APPLICATION));
    });

    it('posts a triage conversation to its triage channel, and nothing of the other kind', async () => {
      await unthread.create({ ...APPLICATION, type: 'triage', triageChannelId: 'C0TRIAGE01' });

      expect(api.requests[0]?.body).toMatchObject({ type: 'triage', triageChannelId: 'C0TRIAGE01' });
      expect(api.requests[0]?.body).not.toHaveProperty('emailInboxId');
    });

    it('retries a 429 after the Retry-After it asks for, then creates once', async () => {
      api.script('create', { status: 429, headers: { 'retry-after': '2' }, body: { error: 'Too many requests' } });

      await unthread.create(APPLICATION);

      expect(waits).toEqual([2_000]);
      expect(api.requestsTo('POST', '/api/conversations').map((request) => request.status)).toEqual([429, 200]);
      expect(api.created()).toHaveLength(1);
    });

    it('gives up at once, transiently, on a Retry-After longer than it may wait', async () => {
      api.script('create', { status: 429, headers: { 'retry-after': '120' } });

      const failure = await failureOf(unthread.create(APPLICATION));

      expect(failure).toMatchObject({ transient: true, status: 429 });
      expect(waits).toEqual([]);
      expect(api.created()).toEqual([]);
    });

    it('retries a 503 with backoff and reports a failure that outlasts the tries as transient', async () => {
      api.script('create', { status: 503 }, { status: 503 }, { status: 503 });

      const failure = await failureOf(unthread.create(APPLICATION));

      expect(failure).toMatchObject({ transient: true, status: 503, message: 'unthread conversations.create failed: HTTP 503' });
      expect(waits).toEqual([250, 500]);
      expect(api.created()).toEqual([]);
    });

    it('after a 500 that followed the creation, finds the conversation by its reference instead of creating another', async () => {
      api.script('create', { status: 500, afterProcessing: true, body: { error: 'Internal error' } });

      const created = await unthread.create(APPLICATION);

      expect(api.created()).toHaveLength(1);
      expect(created.id).toBe(api.created()[0]?.id);
      expect(api.requestsTo('POST', '/api/conversations/list')[0]?.body).toEqual({
        select: ['id', 'title', 'status', 'friendlyId'],
        where: [{ field: 'title', operator: 'contains', value: 'SB-4F1A9C0B7E' }],
        limit: 100,
      });
    });

    it('refuses permanently what Unthread refuses with a 4xx, without quoting its answer', async () => {
      api.script('create', { status: 400, body: { error: 'invalid onBehalfOf.email ada.lovelace@example.org' } });

      const failure = await failureOf(unthread.create(APPLICATION));

      expect(failure).toMatchObject({ transient: false, status: 400 });
      expect(failure.message).not.toContain('ada.lovelace');
      expect(api.requests).toHaveLength(1);
    });

    it('says which secret to check when the API key is refused', async () => {
      const wrongKey = new LiveUnthreadConversations({ apiKey: 'wrong', apiUrl: api.url, log });

      const failure = await failureOf(wrongKey.create(APPLICATION));

      expect(failure).toMatchObject({ transient: false, status: 401, message: 'unthread conversations.create failed: HTTP 401: UNTHREAD_API_KEY was refused' });
    });

    it('reports an unreachable Unthread as transient', async () => {
      const unreachable = new LiveUnthreadConversations({ apiKey: api.apiKey, apiUrl: 'http://127.0.0.1:9/api', log, retries: { attempts: 1, maxWaitMs: 0, baseDelayMs: 0 } });

      expect(await failureOf(unreachable.create(APPLICATION))).toMatchObject({ transient: true, message: 'unthread conversations.create failed: request failed: network error' });
    });
  });

  describe('get', () => {
    it('reads a conversation and its status', async () => {
      const { id } = await unthread.create(APPLICATION);
      api.setStatus(id, 'closed');

      expect(await unthread.get(id)).toEqual({ id, status: 'closed', friendlyId: 1 });
      expect(api.requestsTo('GET', `/api/conversations/${id}`)[0]?.apiKey).toBe(api.apiKey);
    });

    it('answers undefined for a conversation that does not exist', async () => {
      expect(await unthread.get('gone')).toBeUndefined();
    });

    it('retries a 502, then reads', async () => {
      const { id } = await unthread.create(APPLICATION);
      api.script('get', { status: 502 });

      expect((await unthread.get(id))?.status).toBe('open');
      expect(waits).toEqual([250]);
    });
  });

  describe('findByReference', () => {
    it('finds the conversation whose title carries the reference, and nothing for another', async () => {
      const { id } = await unthread.create(APPLICATION);
      await unthread.create({ ...APPLICATION, reference: 'SB-0000000001', title: 'Website message from Grace Hopper [SB-0000000001]' });

      expect((await unthread.findByReference('SB-4F1A9C0B7E'))?.id).toBe(id);
      expect(await unthread.findByReference('SB-FFFFFFFFFF')).toBeUndefined();
    });
  });

  describe('exactly once across a crash, with the side-effect ledger', () => {
    it('takes over a claim left by a dead process, finds the conversation it created, and creates none', async () => {
      const clock = new ManualClock('2026-11-20T15:00:00.000Z');
      const table = await createTestTable(clock);
      const key = 'job-applications.conversation:form-crashed';
      // The dead process claimed the effect and Unthread created the conversation; the completion never landed.
      api.seed(createConversationBody(APPLICATION));
      await table.put({ pk: `effect#${key}`, sk: 'effect', status: 'pending', owner: 'form-crashed', instance: 'dead-process', leaseUntil: clock.now().getTime() + 30_000, expiresAt: 2_000_000_000 });
      const restarted = new SideEffectLedger(table, clock, { instance: 'restarted', soleWriter: true });

      const outcome = await restarted.once(key, 'form-crashed', () => unthread.create(APPLICATION), { find: () => unthread.findByReference(APPLICATION.reference) });

      expect(outcome).toMatchObject({ alreadyDone: true, result: { id: api.created()[0]?.id } });
      expect(api.created()).toHaveLength(1);
      expect(api.requestsTo('POST', '/api/conversations').filter((request) => request.path === '/api/conversations')).toHaveLength(0);
      await table.close();
    });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('3')).toBe(3_000);
    expect(retryAfterMs('Fri, 20 Nov 2026 23:00:10 GMT', Date.parse('2026-11-20T23:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
