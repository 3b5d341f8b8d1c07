import type { FlowCost } from '../measures/aws-cost';
import type { BundleResult } from '../measures/bundles';
import type { LocalRuntimeResults } from '../measures/local-runtime';
import type { FlowStoreCosts } from '../measures/store-writes';

interface Report {
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: number[] };
  local: LocalRuntimeResults | undefined;
  bundles: BundleResult[] | undefined;
  store: FlowStoreCosts[] | undefined;
  costs: FlowCost[] | undefined;
}

/** A bar of SPEC §5 and whether it was met, with by how much it was missed. */
function bar(value: number | undefined, limit: number, unit: string, direction: 'at most' | 'at least'): string {
  if (value === undefined) return 'not measured';
  const met = direction === 'at most' ? value <= limit : value >= limit;
  if (met) return `met (${direction} ${limit} ${unit})`;
  const by = direction === 'at most' ? value - limit : limit - value;
  return `MISSED by ${Math.round(by * 10) / 10} ${unit} (${direction} ${limit} ${unit})`;
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

const kb = (bytes: number) => `${Math.round(bytes / 102.4) / 10} KB`;

/** The benchmark results as a person reads them: each measure, its value, and the bar it is held to. */
export function formatReport(report: Report): string {
  const sections: string[] = [`Switchboard benchmarks — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, load average ${report.machine.loadAverage.join(' ')} at the start`];
  const local = report.local;
  if (local !== undefined) {
    const ratio = local.bare.perSecond === 0 ? 0 : local.sustained.runsPerSecond / local.bare.perSecond;
    const sustained = local.sustained;
    sections.push(
      table([
        ['local runtime', 'measured', 'bar (SPEC §5)'],
        ['ingest ack at 500 req/s: p50 / p99', `${local.ingest.ack.p50} / ${local.ingest.ack.p99} ms, ${local.ingest.errors} errors`, bar(local.ingest.ack.p99, 15, 'ms', 'at most')],
        ['end to end at 100 msg/s: p50 / p99', `${local.endToEnd.replies.endToEnd.p50} / ${local.endToEnd.replies.endToEnd.p99} ms`, `${bar(local.endToEnd.replies.endToEnd.p50, 20, 'ms', 'at most')}; ${bar(local.endToEnd.replies.endToEnd.p99, 60, 'ms', 'at most')}`],
        ['  answered exactly once', `${local.endToEnd.replies.answered}/${local.endToEnd.acked}, ${local.endToEnd.replies.duplicates} twice`, local.endToEnd.replies.answered === local.endToEnd.acked && local.endToEnd.replies.duplicates === 0 ? 'met' : 'MISSED'],
        ['sustained: automation runs/s (every message answered once within 10 s)', `${sustained.runsPerSecond} (${sustained.messagesPerSecond} msg/s × ${sustained.runsPerMessage} runs each)`, bar(sustained.runsPerSecond, 700, 'runs/s', 'at least')],
        ['bare Node.js HTTP server, same machine', `${local.bare.perSecond} req/s`, `ratio ${Math.round(ratio * 1000) / 1000} (runs/s ÷ bare req/s)`],
        ['npm start → /health: first start / restart (median)', `${local.startup.firstStartMs} / ${[...local.startup.restartMs].sort((a, b) => a - b)[1] ?? '?'} ms`, bar([...local.startup.restartMs].sort((a, b) => a - b)[1], 1500, 'ms', 'at most')],
        ['RSS idle / loaded', `${local.rss.idleMiB} / ${local.rss.loadedMiB} MiB`, ''],
        ...Object.entries(local.cli).map(([command, ms]) => [`switchboard ${command} (median of 5)`, `${ms} ms`, bar(ms, 500, 'ms', 'at most')]),
      ]),
    );
    sections.push(
      table([
        ['sustained step', 'acked', 'answered', 'twice', 'ack p99', 'end to end p50 / p99', 'verdict'],
        ...local.sustained.steps.map((step) => [`${step.rate} msg/s`, `${step.acked}/${step.sent}`, step.replies.answered, step.replies.duplicates, `${step.ack.p99} ms`, `${step.replies.endToEnd.p50} / ${step.replies.endToEnd.p99} ms`, step.passed ? 'passed' : 'missed']),
      ]),
    );
  }
  if (report.bundles !== undefined) {
    sections.push(
      table([
        ['Lambda bundle', 'size', 'budget', 'load', 'cold event', 'warm event', 'fresh process total', 'largest parts'],
        ...report.bundles.map((bundle) => [
          bundle.name,
          kb(bundle.bytes),
          bundle.budgetBytes === undefined ? '—' : bar(bundle.bytes / 1024, bundle.budgetBytes / 1024, 'KB', 'at most'),
          bundle.run === undefined ? '—' : `${bundle.run.loadMs} ms`,
          bundle.run === undefined ? 'no sample event' : `${bundle.run.coldMs} ms`,
          bundle.run === undefined ? '—' : `${bundle.run.warmMs} ms`,
          bundle.run === undefined ? '—' : `${bundle.run.processMs} ms`,
          bundle.largest.slice(0, 3).map(([part, size]) => `${part} ${size}`).join(', '),
        ]),
      ]),
    );
  }
  if (report.store !== undefined) {
    sections.push(
      table([
        ['store writes per event', 'local writes (by item)', 'AWS writes / write units / read units'],
        ...report.store.map((flow) => [
          `${flow.automation}: ${flow.description}`,
          `${flow.localWrites} (${Object.entries(flow.local).filter(([, cost]) => cost.writes > 0).map(([kind, cost]) => `${kind} ${cost.writes}`).join(', ')})`,
          `${flow.aws.writes} / ${flow.aws.writeUnits} / ${flow.aws.strongReads + flow.aws.eventualReads * 0.5}`,
        ]),
      ]),
    );
  }
  if (report.costs !== undefined) {
    sections.push(
      table([
        ['AWS cost per million events (USD)', 'API GW', 'Lambda req', 'Lambda GB-s', 'EventBridge', 'DynamoDB', 'Scheduler', 'Logs', 'total'],
        ...report.costs.map((flow) => [flow.automation, flow.perMillion['apiGateway'] ?? 0, flow.perMillion['lambdaRequests'] ?? 0, flow.perMillion['lambdaDuration'] ?? 0, flow.perMillion['eventBridge'] ?? 0, flow.perMillion['dynamoDb'] ?? 0, flow.perMillion['scheduler'] ?? 0, flow.perMillion['logs'] ?? 0, flow.perMillion.total]),
      ]),
    );
  }
  return sections.join('\n\n');
}
