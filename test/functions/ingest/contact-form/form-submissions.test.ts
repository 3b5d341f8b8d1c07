import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormSubmissions } from '../../../../functions/ingest/contact-form/form-submissions';
import type { Table } from '../../../../shared/store/table';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable, STORE_ADAPTERS } from '../../../support/test-table';

const WINDOW_MS = 10 * 60_000;

describe.each(STORE_ADAPTERS)('the re-post window of form submissions, on %s', (adapter) => {
  let clock: ManualClock;
  let table: Table;
  let submissions: FormSubmissions;

  beforeEach(async () => {
    clock = new ManualClock('2026-11-20T15:00:00.000Z');
    table = await createTestTable(clock, adapter);
    submissions = new FormSubmissions(table, clock);
  });
  afterEach(async () => {
    await table.close();
  });

  it('gives a first post a new id', async () => {
    const first = await submissions.idFor('fingerprint-a', WINDOW_MS);

    expect(first).toEqual({ id: expect.stringMatching(/^form-[0-9a-f-]{36}$/), repeated: false });
  });

  it('gives the same form posted again within the window the first id', async () => {
    const first = await submissions.idFor('fingerprint-a', WINDOW_MS);
    clock.advance(WINDOW_MS - 1_000);

    expect(await submissions.idFor('fingerprint-a', WINDOW_MS)).toEqual({ id: first.id, repeated: true });
  });

  it('measures the window from the first post, so posts a second apart count once wherever they fall', async () => {
    // 15:09:59.9 and 15:10:00.4 would straddle a ten-minute slot boundary.
    clock.set('2026-11-20T15:09:59.900Z');
    const first = await submissions.idFor('fingerprint-a', WINDOW_MS);
    clock.set('2026-11-20T15:10:00.400Z');

    expect((await submissions.idFor('fingerprint-a', WINDOW_MS)).id).toBe(first.id);
  });

  it('gives a post after the window a new id', async () => {
    const first = await submissions.idFor('fingerprint-a', WINDOW_MS);
    clock.advance(WINDOW_MS);

    const later = await submissions.idFor('fingerprint-a', WINDOW_MS);

    expect(later.repeated).toBe(false);
    expect(later.id).not.toBe(first.id);
  });

  it('keeps other forms apart', async () => {
    const a = await submissions.idFor('fingerprint-a', WINDOW_MS);
    const b = await submissions.idFor('fingerprint-b', WINDOW_MS);

    expect(b.id).not.toBe(a.id);
  });

  it('gives concurrent identical posts one id', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => submissions.idFor('fingerprint-a', WINDOW_MS)));

    expect(new Set(ids.map((answer) => answer.id)).size).toBe(1);
    expect(ids.filter((answer) => !answer.repeated)).toHaveLength(1);
  });
});
