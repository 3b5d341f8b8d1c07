import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSignedSlackRequest } from '../../infra/cli/scenarios/send-signed-slack-request';
import { newSlackEventId, slackMessagePayload } from '../../infra/cli/scenarios/slack-message-payload';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { FakeSlackApi } from '../support/fake-slack-api';
import { COMPANY_TEAM, CUSTOMER_CHANNEL, CUSTOMER_TEAM } from '../support/slack-requests';
import { startSwitchboardProcess, until, type SwitchboardProcess } from '../support/switchboard-process';

const SECRET = 'crash-test-signing-secret';
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

describe('the local runtime, killed mid-load', () => {
  let slack: FakeSlackApi;
  let dataDir: string;
  let running: SwitchboardProcess | undefined;

  const start = () => startSwitchboardProcess({ SWITCHBOARD_DATA_DIR: dataDir, SWITCHBOARD_NOW: SUNDAY_EVENING, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: slack.token, SLACK_API_URL: slack.url });

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
  });
  afterAll(async () => {
    await running?.killHard();
    await slack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('processes every acked event after a restart, once', { timeout: 180_000 }, async () => {
    // Slack takes every request but answers none: the process dies with its deliveries in flight.
    slack.hold();
    running = await start();
    const customers = Array.from({ length: 25 }, (_, i) => `U0CRASH${String(i).padStart(4, '0')}`);
    const timestamp = Math.floor(new Date(SUNDAY_EVENING).getTime() / 1000);
    const url = running.url;
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
        return sendSignedSlackRequest({ url: `${url}/webhooks/slack/events`, body, contentType: 'application/json', signingSecret: SECRET, timestampSeconds: timestamp });
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(customers.map(() => 200));
    // Wait until the deliveries are under way, then kill without warning.
    await until('a post under way', () => slack.held > 0);
    await running.killHard();
    expect(slack.succeeded('chat.postMessage')).toHaveLength(0);

    slack.resume();
    running = await start();
    await until('every customer answered', () => slack.succeeded('chat.postMessage').length >= customers.length);
    await running.stop();
    running = undefined;

    const noticed = slack.succeeded('chat.postMessage').map((call) => String(call.args['text']));
    expect(noticed).toHaveLength(customers.length);
    const mentioned = slack.succeeded('chat.postMessage').map((call) => /<@(U0CRASH\d+)>/.exec(JSON.stringify(call.args['blocks']))?.[1]);
    expect(new Set(mentioned)).toEqual(new Set(customers));
  });
});
