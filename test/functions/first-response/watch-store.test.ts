import { beforeEach, describe, expect, it } from 'vitest';
import { WatchStore, type Watch } from '../../../functions/first-response/watch-store';
import type { Table } from '../../../shared/store/table';
import { ManualClock } from '../../support/manual-clock';
import { createTestTable } from '../../support/test-table';

const CHANNEL = 'C0ACMEPROD';

function watch(ts: string, threadTs: string, user = 'U0CUSTOMER1'): Watch {
  return { channel: CHANNEL, ts, threadTs, user, customer: 'Acme Corp', excerpt: 'help', dueAt: '2026-11-23T16:00:00.000Z', timerId: `first-response:${CHANNEL}:${ts}` };
}

describe('the first-response watch store', () => {
  let table: Table;
  let store: WatchStore;

  beforeEach(async () => {
    table = await createTestTable(new ManualClock('2026-11-23T15:00:00Z'));
    store = new WatchStore(table);
  });

  it("finds the watch a customer's next line at the top of the channel continues, and no one else's", async () => {
    await store.start(watch('1795000000.000100', '1795000000.000100', 'U0CUSTOMER1'));

    expect(await store.continued(CHANNEL, { ts: '1795000060.000100', threadTs: undefined, user: 'U0CUSTOMER1' })).toMatchObject({ ts: '1795000000.000100' });
    expect(await store.continued(CHANNEL, { ts: '1795000060.000100', threadTs: undefined, user: 'U0CUSTOMER2' })).toBeUndefined();
  });

  it('finds the watch of a thread for any line in that thread', async () => {
    await store.start(watch('1795000100.000100', '1794000000.000100', 'U0CUSTOMER1'));

    expect(await store.continued(CHANNEL, { ts: '1795000160.000100', threadTs: '1794000000.000100', user: 'U0CUSTOMER2' })).toMatchObject({ ts: '1795000100.000100' });
    expect(await store.continued(CHANNEL, { ts: '1795000160.000100', threadTs: '1793000000.000100', user: 'U0CUSTOMER2' })).toBeUndefined();
  });

  it('forgets a closed watch and the customer pointer to it, not a newer pointer of theirs', async () => {
    const first = watch('1795000000.000100', '1795000000.000100');
    const second = watch('1795000500.000100', '1795000500.000100');
    await store.start(first);
    await store.start(second);

    await store.close(first);

    expect(await store.get(CHANNEL, first.threadTs)).toBeUndefined();
    expect(await store.continued(CHANNEL, { ts: '1795000600.000100', threadTs: undefined, user: 'U0CUSTOMER1' })).toMatchObject({ ts: second.ts });
    await store.close(second);
    expect(await store.continued(CHANNEL, { ts: '1795000700.000100', threadTs: undefined, user: 'U0CUSTOMER1' })).toBeUndefined();
  });

  it('lists the pending watches oldest first', async () => {
    await store.start(watch('1795000500.000100', '1795000500.000100', 'U0CUSTOMER2'));
    await store.start(watch('1795000000.000100', '1795000000.000100', 'U0CUSTOMER1'));

    expect((await store.pending(CHANNEL)).map((pending) => pending.ts)).toEqual(['1795000000.000100', '1795000500.000100']);
  });

  it('finds the watch a reacted message belongs to: its own, or its thread\'s, never another thread\'s', async () => {
    const topLevel = watch('1795000000.000100', '1795000000.000100');
    const inThread = watch('1795000100.000100', '1794000000.000100');
    await store.start(topLevel);
    await store.start(inThread);
    await store.noteLine(CHANNEL, '1795000200.000100', topLevel);

    expect(await store.watchOfMessage(CHANNEL, topLevel.ts)).toMatchObject({ ts: topLevel.ts });
    expect(await store.watchOfMessage(CHANNEL, inThread.ts)).toMatchObject({ ts: inThread.ts });
    expect(await store.watchOfMessage(CHANNEL, '1794000000.000100')).toMatchObject({ ts: inThread.ts });
    expect(await store.watchOfMessage(CHANNEL, '1795000200.000100')).toMatchObject({ ts: topLevel.ts });
    expect(await store.watchOfMessage(CHANNEL, '1795000300.000100')).toBeUndefined();
  });

  it("keeps a thread's latest answer, and none for a thread nobody answered", async () => {
    await store.noteTeamMessage(CHANNEL, '1795000000.000100', '1795000600.000100', new Date('2026-11-23T15:10:00Z'));
    await store.noteTeamMessage(CHANNEL, '1795000000.000100', '1795000300.000100', new Date('2026-11-23T15:10:00Z'));

    expect(await store.threadAnsweredAt(CHANNEL, '1795000000.000100')).toBe('1795000600.000100');
    expect(await store.threadAnsweredAt(CHANNEL, '1795000900.000100')).toBeUndefined();
  });
});
