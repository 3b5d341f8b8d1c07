// Runs a bundled Lambda handler in this fresh process: loads it, handles the first event (a cold start),
// then a second one (warm), and writes the timings and the bytes it logged to BENCH_RESULT.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [bundle] = process.argv.slice(2);
const events = JSON.parse(process.env.BENCH_EVENTS ?? '[]');
let logged = 0;
process.stdout.write = (chunk) => {
  logged += Buffer.byteLength(chunk);
  return true;
};
const started = performance.now();
const { handler } = require(bundle);
const loadMs = performance.now() - started;
// What Lambda passes as the context: only the time left is read (the functions' timeout is 30 s).
const context = { getRemainingTimeInMillis: () => 30_000 };
const timings = [];
const logBytes = [];
for (const event of events) {
  const before = logged;
  const t0 = performance.now();
  await handler(event, context);
  timings.push(performance.now() - t0);
  logBytes.push(logged - before);
}
writeFileSync(process.env.BENCH_RESULT, JSON.stringify({ loadMs, timings, logBytes, processMs: performance.now() }));
