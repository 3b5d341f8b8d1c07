// The load side of the benchmarks, in a process of its own so that it does not share the measured
// process's CPU time slices: a fake Slack Web API that records when each customer got an answer, an
// open-loop sender of signed Slack events (a fixed rate, whatever the answers), and a closed-loop
// client for the bare-server comparison.
import { createServer, request, Agent, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { signSlackRequest } from '../../functions/ingest/slack/verify-slack-request';
import { slackMessagePayload } from '../../infra/cli/scenarios/slack-message-payload';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import type { ClosedLoopResult, LoadCommand, LoadReply, OpenLoopResult, RepliesResult } from './load-protocol';
import { summarise } from './percentiles';

const agent = new Agent({ keepAlive: true, maxSockets: 512 });
const sentAt = new Map<number, number>();
const repliedAt = new Map<number, number>();
const replies = new Map<number, number>();

function send(command: LoadReply): void {
  process.send?.(command);
}

process.on('message', (message: LoadCommand) => {
  void handle(message).then(send, (error: unknown) => {
    process.stderr.write(`load process: ${String(error)}\n`);
    process.exit(1);
  });
});

async function handle(command: LoadCommand): Promise<LoadReply> {
  switch (command.type) {
    case 'fake-slack':
      return { type: 'fake-slack', url: await startFakeSlack() };
    case 'open-loop':
      return { type: 'open-loop', result: await openLoop(command) };
    case 'await-replies':
      return { type: 'await-replies', result: await awaitReplies(command) };
    case 'closed-loop':
      return { type: 'closed-loop', result: await closedLoop(command) };
    case 'exit':
      process.exit(0);
  }
}

/** chat.postMessage answered `ok` at once; the customer is read from the notice's `<@U…>` mention. */
async function startFakeSlack(): Promise<string> {
  let sequence = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const customer = /U0BENCH(\d+)/.exec(decodeURIComponent(body.replace(/\+/g, ' ')))?.[1];
      if (customer !== undefined) {
        const index = Number(customer);
        replies.set(index, (replies.get(index) ?? 0) + 1);
        if (!repliedAt.has(index)) repliedAt.set(index, now);
      }
      sequence += 1;
      const ts = `${1_800_000_000 + sequence}.${String(sequence % 1_000_000).padStart(6, '0')}`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ ok: true, channel: 'C0ACMEPROD', ts, message: { ts } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}

async function openLoop(command: Extract<LoadCommand, { type: 'open-loop' }>): Promise<OpenLoopResult> {
  const started = performance.now();
  const total = Math.round((command.rate * command.durationMs) / 1000);
  const intervalMs = 1000 / command.rate;
  const ackLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let acked = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const post = (index: number) => {
    const elapsedMs = performance.now() - started;
    const serverNow = command.serverTime + elapsedMs;
    const body = JSON.stringify(
      slackMessagePayload({
        teamId: command.teamId,
        channel: command.channel,
        user: `U0BENCH${String(index).padStart(7, '0')}`,
        userTeam: 'T0CUSTOMER1',
        text: `Benchmark message ${index}: our production cluster is down`,
        ts: dateToSlackTs(new Date(serverNow), index % 1_000_000),
        eventId: `Ev0BENCH${String(index).padStart(8, '0')}`,
      }),
    );
    const timestamp = Math.floor(serverNow / 1000);
    const sendStart = performance.now();
    sentAt.set(index, sendStart);
    const done = new Promise<void>((resolve) => {
      const req = request(
        command.url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': signSlackRequest(command.signingSecret, timestamp, body),
          },
        },
        (res: IncomingMessage) => {
          res.resume();
          res.on('end', () => {
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
            if (res.statusCode === 200) {
              acked += 1;
              ackLatencies.push(performance.now() - sendStart);
            } else {
              errors += 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        statuses['network'] = (statuses['network'] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    sent += 1;
  };
  // Open loop: each message leaves at its own time, however the answers to the earlier ones go.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - started) / intervalMs) + 1);
      while (sent < due) post(command.firstIndex + sent);
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(intervalMs, 1)));
    };
    tick();
  });
  await Promise.all(inFlight);
  return { sent, acked, errors, statuses, ack: summarise(ackLatencies) };
}

async function awaitReplies(command: Extract<LoadCommand, { type: 'await-replies' }>): Promise<RepliesResult> {
  const expected = command.toIndex - command.fromIndex;
  const deadline = performance.now() + command.timeoutMs;
  const answered = () => {
    let count = 0;
    for (let index = command.fromIndex; index < command.toIndex; index += 1) if (repliedAt.has(index)) count += 1;
    return count;
  };
  while (answered() < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  // A moment more, so that a duplicate arriving right after the last answer is counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const latencies: number[] = [];
  let duplicates = 0;
  let late = 0;
  for (let index = command.fromIndex; index < command.toIndex; index += 1) {
    const sent = sentAt.get(index);
    const replied = repliedAt.get(index);
    if ((replies.get(index) ?? 0) > 1) duplicates += 1;
    if (sent === undefined || replied === undefined) continue;
    latencies.push(replied - sent);
    if (replied - sent > 10_000) late += 1;
  }
  return { expected, answered: latencies.length, duplicates, endToEnd: summarise(latencies), laterThan10s: late };
}

async function closedLoop(command: Extract<LoadCommand, { type: 'closed-loop' }>): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + command.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const ok = await new Promise<boolean>((resolve) => {
        const req = request(command.url, { method: 'GET', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        });
        req.on('error', () => resolve(false));
        req.end();
      });
      requests += 1;
      if (ok) latencies.push(performance.now() - t0);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: command.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { requests, errors, perSecond: Math.round(requests / seconds), latency: summarise(latencies) };
}
