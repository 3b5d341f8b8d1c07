import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSignedSlackRequest } from '../../infra/cli/scenarios/send-signed-slack-request';
import { newSlackEventId, slackMessagePayload } from '../../infra/cli/scenarios/slack-message-payload';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { FakeSlackApi } from '../support/fake-slack-api';
import { COMPANY_TEAM, CUSTOMER_CHANNEL, CUSTOMER_TEAM } from '../support/slack-requests';

const SECRET = 'crash-test-signing-secret';
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

/** `npm start` as a child process, on a given data directory. */
async function startSwitchboardProcess(dataDir: string, slack: FakeSlackApi): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['infra/build/launch.mjs', 'start'], {
    env: {
      ...process.env,
      PORT: '0',
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_NOW: SUNDAY_EVENING,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.url,
      LOG_LEVEL: 'ERROR',
      DYNAMODB_ENDPOINT: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running locally at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

describe('the local runtime, killed mid-load', () => {
  let slack: FakeSlackApi;
  let dataDir: string;
  let running: ChildProcess | undefined;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    await slack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('processes every acked event after a restart, once', { timeout: 60_000 }, async () => {
    // Slack takes every request but answers none: the process dies with its deliveries in flight.
    slack.hold();
    const first = await startSwitchboardProcess(dataDir, slack);
    running = first.child;
    const customers = Array.from({ length: 25 }, (_, i) => `U0CRASH${String(i).padStart(4, '0')}`);
    const timestamp = Math.floor(new Date(SUNDAY_EVENING).getTime() / 1000);
    const answers = await Promise.all(
      customers.map((user, i) => {
        const body = JSON.stringify(
          slackMessagePayload({
            teamId: COMPANY_TEAM,
            channel: CUSTOMER_CHANNEL,
            user,
            userTeam: CUSTOMER_TEAM,
            text: `customer ${i} is down`,
            ts: dateToSlackTs(new Date(SUNDAY_EVENING), i),
            eventId: newSlackEventId(),
          }),
        );
        return sendSignedSlackRequest({ url: `${first.url}/webhooks/slack/events`, body, contentType: 'application/json', signingSecret: SECRET, timestampSeconds: timestamp });
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(customers.map(() => 200));
    // Wait until the deliveries are under way, then kill without warning.
    for (let waited = 0; slack.held === 0 && waited < 10_000; waited += 50) await sleep(50);
    expect(slack.held).toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(slack.succeeded('chat.postMessage')).toHaveLength(0);

    slack.resume();
    const second = await startSwitchboardProcess(dataDir, slack);
    running = second.child;
    for (let waited = 0; slack.succeeded('chat.postMessage').length < customers.length && waited < 30_000; waited += 100) await sleep(100);

    const noticed = slack.succeeded('chat.postMessage').map((call) => String(call.args['text']));
    expect(noticed).toHaveLength(customers.length);
    const mentioned = slack.succeeded('chat.postMessage').map((call) => /<@(U0CRASH\d+)>/.exec(JSON.stringify(call.args['blocks']))?.[1]);
    expect(new Set(mentioned)).toEqual(new Set(customers));
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    running = undefined;
  });
});
