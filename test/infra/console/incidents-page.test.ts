import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentStatus } from '../../../functions/paging/incident';
import { IncidentStore } from '../../../functions/paging/incident-store';
import { openTarget, type Target } from '../../../infra/admin/target';
import { createConsoleApp } from '../../../infra/console/console-app';
import { newConsoleSecrets } from '../../../infra/console/console-security';
import { openConsoleSession, type ConsoleSession } from '../../support/console-session';

const NOW = '2026-11-23T12:00:00.000Z';

/** An incident opened `minutesAgo` before NOW, in `status`. */
function incident(id: string, minutesAgo: number, status: IncidentStatus): Incident {
  const openedAt = new Date(Date.parse(NOW) - minutesAgo * 60_000).toISOString();
  return {
    id,
    code: id.slice(-4),
    status,
    severity: 'P1',
    customer: `Customer of ${id}`,
    excerpt: 'the dashboard is empty',
    requestedBy: 'U0CUSTOMER1',
    chain: [{ name: 'Dana (VP Customer Success)', phone: '+15555550101' }],
    repeats: 0,
    ackTimeoutMs: 300_000,
    internalChannel: 'C0INTERNAL',
    fallbackChannel: 'C0FALLBACK',
    step: 0,
    openedAt,
    version: 1,
    ...(status === 'acknowledged' ? { acknowledgedBy: 'Robin', acknowledgedAt: openedAt } : {}),
  };
}

describe('the incidents page', () => {
  let dataDir: string;
  let target: Target;
  let session: ConsoleSession;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-console-'));
    target = await openTarget({ env: { SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_NOW: NOW }, write: true });
    const secrets = newConsoleSecrets();
    session = await openConsoleSession(createConsoleApp({ target, secrets, port: 4711 }), secrets);
    const store = new IncidentStore(target.table, target.clock);
    // Two open incidents older than the 30 acknowledged since, and one acknowledged before them.
    await store.open(incident('INC-OLDACKED', 600, 'acknowledged'), 'e-old-acked');
    await store.open(incident('INC-PAGING1', 500, 'paging'), 'e-paging');
    await store.open(incident('INC-UNANSWERED1', 400, 'unanswered'), 'e-unanswered');
    for (let n = 0; n < 30; n += 1) await store.open(incident(`INC-ACKED${String(n).padStart(2, '0')}`, 300 - n, 'acknowledged'), `e-acked-${n}`);
  });
  afterAll(async () => {
    await target.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows every open incident first, however many acknowledged ones came after it', async () => {
    const html = await (await session.get('/incidents')).text();

    const sections = [...html.matchAll(/<section class="incident" id="([^"]+)"/g)].map((match) => match[1]);
    expect(sections.slice(0, 2)).toEqual(['INC-UNANSWERED1', 'INC-PAGING1']);
  });

  it('then the most recent acknowledged ones, newest first', async () => {
    const html = await (await session.get('/incidents')).text();

    const sections = [...html.matchAll(/<section class="incident" id="([^"]+)"/g)].map((match) => match[1]);
    expect(sections.slice(2)).toEqual(Array.from({ length: 20 }, (_, n) => `INC-ACKED${String(29 - n).padStart(2, '0')}`));
    expect(html).toContain('2 open incidents, all listed first; then the 20 most recent acknowledged.');
  });
});
