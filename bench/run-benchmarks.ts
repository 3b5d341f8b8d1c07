// `npm run bench`: the benchmarks of SPEC §5, a readable table on stdout and JSON in bench/results/.
//
//   npm run bench                      # everything (a few minutes)
//   npm run bench -- --quick           # shorter load steps, for a first look
//   npm run bench -- --only bundles    # one part: local | bundles | store
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { builtEntry } from '../infra/build/local-build.mjs';
import { computeAwsCosts, type FlowCost } from './measures/aws-cost';
import { measureBundles, type BundleResult } from './measures/bundles';
import { measureLocalRuntime, type LocalRuntimeResults } from './measures/local-runtime';
import { measureStoreWrites, type FlowStoreCosts } from './measures/store-writes';
import { formatReport } from './support/report';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (only !== undefined && !['local', 'bundles', 'store'].includes(only)) {
  process.stderr.write(`--only takes local, bundles or store, not "${only}"\n`);
  process.exit(2);
}
const wanted = (part: string) => only === undefined || only === part;
const log = (line: string) => process.stderr.write(`${line}\n`);

const resultsDir = join(new URL('..', import.meta.url).pathname, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });
await builtEntry('start');

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version, loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100) };
log(`Switchboard benchmarks on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage.join(' ')}`);

let local: LocalRuntimeResults | undefined;
let bundles: BundleResult[] | undefined;
let store: FlowStoreCosts[] | undefined;
let costs: FlowCost[] | undefined;
if (wanted('store') || wanted('bundles')) {
  log('store writes per event, per automation');
  store = await measureStoreWrites();
}
if (wanted('bundles')) {
  log('Lambda bundles: size, load and one event in a fresh process');
  bundles = await measureBundles(join(resultsDir, 'bundles'));
  costs = computeAwsCosts(store ?? [], bundles);
}
if (wanted('local')) {
  local = await measureLocalRuntime({
    stepSeconds: quick ? 3 : 6,
    rates: quick ? [200, 400, 700] : [200, 400, 600, 700, 800, 900, 1000, 1200, 1400],
    log,
  });
}

const report = { measuredAt: new Date().toISOString(), machine, local, bundles, store, costs };
const file = join(resultsDir, `bench-${report.measuredAt.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${formatReport(report)}\n\nJSON: ${file}\n`);
