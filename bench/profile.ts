// Ad-hoc: profile the runtime under a steady load (not part of npm run bench).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadProcess, startSwitchboard } from './support/processes';
const rate = Number(process.env.RATE ?? 400);
const workDir = await mkdtemp(join(tmpdir(), 'sb-prof-'));
const load = startLoadProcess();
const { url: slackUrl } = await load.ask({ type: 'fake-slack' });
const sb = await startSwitchboard({ dataDir: join(workDir, 'd'), logFile: join(workDir, 'log'), env: { SWITCHBOARD_NOW: '2026-11-22T20:00:00-08:00', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'x', SLACK_API_URL: slackUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'INFO' }, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR ?? '/tmp/sbprof'}`] });
const serverTime = Date.parse(((await (await fetch(`${sb.url}/health`)).json()) as { time: string }).time);
const { result } = await load.ask({ type: 'open-loop', url: `${sb.url}/webhooks/slack/events`, signingSecret: 's', serverTime, rate, durationMs: 8000, firstIndex: 0, channel: 'C0ACMEPROD', teamId: 'T0EXAMPLE1' });
const { result: replies } = await load.ask({ type: 'await-replies', fromIndex: 0, toIndex: result.sent, timeoutMs: 15000 });
console.log(JSON.stringify({ ack: result.ack, e2e: replies.endToEnd, answered: replies.answered, dup: replies.duplicates }));
await sb.stop(); await load.stop();
