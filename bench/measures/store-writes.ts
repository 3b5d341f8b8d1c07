import { readFile } from 'node:fs/promises';
import { automations } from '../../functions/registry';
import { LocalBus } from '../../infra/local/local-bus';
import { chooseLocalProviders } from '../../infra/local/local-providers';
import { readEnv } from '../../shared/settings/read-env';
import type { Platform } from '../../shared/automation/platform';
import { runAutomation } from '../../shared/automation/run-automation';
import type { Clock } from '../../shared/clock/clock';
import { ConfigStore } from '../../shared/config/config-store';
import { parseConfig } from '../../shared/config/parse-config';
import type { DomainEvent } from '../../shared/events/catalogue';
import { SideEffectLedger } from '../../shared/idempotency/side-effect-ledger';
import { createLogger } from '../../shared/log/logger';
import { Outbox } from '../../shared/providers/outbox';
import { RunStore } from '../../shared/runs/run-store';
import { SqliteTable } from '../../shared/store/sqlite-table';
import type { Timer, Timers } from '../../shared/timers/timers';
import { TableTimers } from '../../shared/timers/table-timers';
import { CountingTable, type ItemCosts } from '../support/counting-table';
import { SAMPLE_INSTANT, sampleFlows, type SampleFlow } from '../support/sample-flows';

export interface FlowStoreCosts {
  automation: string;
  description: string;
  /** Local runtime: by kind of item (delivery = the bus's queue item, effect = the side-effect ledger, run = history…). */
  local: Record<string, ItemCosts>;
  localWrites: number;
  /** The writes an event costs on AWS: the automation's own (no queue item, no dry-run outbox) plus ingest's delivery ledger. */
  aws: { writes: number; writeUnits: number; strongReads: number; eventualReads: number };
  /** Events the automation put back on the bus (follow-ups), and timers it set. */
  published: number;
  timersSet: number;
}

/**
 * Store writes per event, per automation (SPEC §5: "count the store writes each event costs"): each
 * sample flow's event goes through the real local bus and automations on an SQLite table that counts,
 * with providers in dry-run (their outbox writes are counted apart: live providers do not make them).
 */
export async function measureStoreWrites(): Promise<FlowStoreCosts[]> {
  const results: FlowStoreCosts[] = [];
  for (const flow of sampleFlows) results.push(await measureFlow(flow));
  return results;
}

async function measureFlow(flow: SampleFlow): Promise<FlowStoreCosts> {
  const clock: Clock = { now: () => SAMPLE_INSTANT };
  const table = new CountingTable(SqliteTable.open(':memory:', clock));
  const log = createLogger({ level: 'SILENT', runtime: 'local' });
  const configs = new ConfigStore(table, clock, { cacheMs: Number.POSITIVE_INFINITY });
  await configs.apply(parseConfig(await readFile('switchboard.config.example.yaml', 'utf8'), 'example'), { source: 'example' });
  await configs.current();
  const outbox = new Outbox(table, clock);
  let published = 0;
  let timersSet = 0;
  let platform: Platform | undefined;
  const bus = new LocalBus(table, automations, (automation, event) => runAutomation(automation, event, platform as Platform), clock, log, { retryDelaysMs: [], concurrency: 8 });
  const tableTimers = new TableTimers(table);
  const timers: Timers = {
    schedule: async (timer: Timer) => {
      timersSet += 1;
      await tableTimers.schedule(timer);
    },
    cancel: (id) => tableTimers.cancel(id),
    list: (limit) => tableTimers.list(limit),
  };
  platform = {
    clock,
    table,
    configs,
    runs: new RunStore(table, clock),
    ledger: new SideEffectLedger(table, clock, { soleWriter: true }),
    outbox,
    bus: {
      publish: async (events: readonly DomainEvent[]) => {
        published += events.length;
        await bus.publish(events);
      },
    },
    timers,
    publicBaseUrl: 'http://localhost:3000',
    log,
    // Every provider in dry-run: no credentials.
    ...(await chooseLocalProviders({ secrets: {}, generated: [], settings: readEnv({}), outbox, clock, log })),
  };
  // A first event warms what is kept in memory (the configuration); the second is the one counted.
  await bus.accept(flow.delivery(1), [flow.event(1)]);
  await bus.drain();
  table.reset();
  published = 0;
  timersSet = 0;
  await bus.accept(flow.delivery(2), [flow.event(2)]);
  await bus.drain();

  const local = Object.fromEntries([...table.costs.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const localWrites = Object.values(local).reduce((sum, cost) => sum + cost.writes, 0);
  const own = Object.entries(local).filter(([kind]) => kind !== 'delivery' && kind !== 'outbox' && kind !== 'timer');
  const aws = {
    // Ingest's delivery ledger: one write after the publish (its read is eventually consistent).
    writes: own.reduce((sum, [, cost]) => sum + cost.writes, 0) + 1,
    writeUnits: own.reduce((sum, [, cost]) => sum + cost.writeUnits, 0) + 1,
    strongReads: own.reduce((sum, [, cost]) => sum + cost.reads, 0),
    eventualReads: 1,
  };
  await table.close();
  return { automation: flow.automation, description: flow.description, local, localWrites, aws, published, timersSet };
}
