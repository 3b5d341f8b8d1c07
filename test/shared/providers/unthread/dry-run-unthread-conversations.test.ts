import { beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../shared/providers/outbox';
import { DryRunUnthreadConversations } from '../../../../shared/providers/unthread/dry-run-unthread-conversations';
import { createConversationBody } from '../../../../shared/providers/unthread/unthread-requests';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const CONVERSATION = {
  reference: 'SB-4F1A9C0B7E',
  type: 'email' as const,
  title: 'Job application: Software Engineer — Ada Lovelace [SB-4F1A9C0B7E]',
  markdown: '**Job application for Software Engineer**',
  onBehalfOf: { name: 'Ada Lovelace', email: 'ada.lovelace@example.org' },
  emailInboxId: '5b1d9c3e-0000-4000-8000-00000000beef',
};

describe('the dry-run Unthread adapter', () => {
  let outbox: Outbox;
  let unthread: DryRunUnthreadConversations;

  beforeEach(async () => {
    const clock = new ManualClock('2026-11-20T15:00:00.000Z');
    outbox = new Outbox(await createTestTable(clock), clock);
    unthread = new DryRunUnthreadConversations(outbox);
  });

  it('records the exact POST /conversations body in the outbox and answers an open conversation', async () => {
    const created = await unthread.create(CONVERSATION);

    expect(created).toEqual({ id: expect.stringMatching(/^dry-run-/), status: 'open' });
    const [entry] = await outbox.list({ provider: 'unthread' });
    expect(entry).toMatchObject({ provider: 'unthread', operation: 'conversations.create', request: createConversationBody(CONVERSATION) });
  });

  it('reads every conversation as open, and finds none by reference', async () => {
    expect(await unthread.get('dry-run-1')).toEqual({ id: 'dry-run-1', status: 'open' });
    expect(await unthread.findByReference('SB-4F1A9C0B7E')).toBeUndefined();
  });
});
