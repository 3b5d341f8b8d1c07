import { describe, expect, it } from 'vitest';
import { AckFirstTable } from '../../../infra/local/ack-first-table';
import { itemAbsent } from '../../../shared/store/condition';
import { ConditionFailedError } from '../../../shared/store/store-errors';
import { SqliteTable } from '../../../shared/store/sqlite-table';
import { ManualClock } from '../../support/manual-clock';

describe("the automations' view of the local store", () => {
  const clock = new ManualClock('2026-11-22T20:00:00-08:00');

  it('answers an automation after the ack written in the same commit, whichever was written first', async () => {
    const table = SqliteTable.open(':memory:', clock);
    const automations = new AckFirstTable(table);
    const order: string[] = [];

    const run = automations.put({ pk: 'run#1', sk: 'run' }).then(() => order.push('the run continues'));
    const ack = table.put({ pk: 'delivery#1', sk: 'delivery' }).then(() => order.push('the ack goes out'));
    await Promise.all([run, ack]);

    expect(order).toEqual(['the ack goes out', 'the run continues']);
    await table.close();
  });

  it('is the same store: what an automation writes, reads and fails on is the table', async () => {
    const table = SqliteTable.open(':memory:', clock);
    const automations = new AckFirstTable(table);

    await automations.put({ pk: 'effect#1', sk: 'effect', status: 'pending' });
    expect(await table.get({ pk: 'effect#1', sk: 'effect' })).toMatchObject({ status: 'pending' });
    expect(await automations.update({ pk: 'effect#1', sk: 'effect' }, { set: { status: 'done' } })).toMatchObject({ status: 'done' });
    expect(await automations.query({ partition: 'effect#1' })).toHaveLength(1);
    await expect(automations.put({ pk: 'effect#1', sk: 'effect' }, itemAbsent)).rejects.toBeInstanceOf(ConditionFailedError);
    await automations.delete({ pk: 'effect#1', sk: 'effect' });
    expect(await automations.get({ pk: 'effect#1', sk: 'effect' })).toBeUndefined();
    await automations.close();
    expect(await table.get({ pk: 'effect#1', sk: 'effect' })).toBeUndefined(); // closing the view leaves the table open
    await table.close();
  });
});
