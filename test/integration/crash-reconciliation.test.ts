import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeButtonValue } from '../../functions/after-hours/escalation-button';
import { sendSignedSlackRequest } from '../../infra/cli/scenarios/send-signed-slack-request';
import { newSlackEventId, slackMessagePayload } from '../../infra/cli/scenarios/slack-message-payload';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { FakeSlackApi } from '../support/fake-slack-api';
import { FakeTwilioApi } from '../support/fake-twilio-api';
import { COMPANY_TEAM, CUSTOMER_CHANNEL, CUSTOMER_TEAM, slackFixture } from '../support/slack-requests';
import { startSwitchboardProcess, until, type SwitchboardProcess } from '../support/switchboard-process';
import { FIRST_ON_CHAIN, SWITCHBOARD_NUMBER } from '../support/twilio-requests';

const SECRET = 'crash-reconciliation-signing-secret';
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const TIMESTAMP = Math.floor(new Date(SUNDAY_EVENING).getTime() / 1000);
const BATCH = 10;

/**
 * `kill -9` at the worst moment: the provider accepted the call (the post is in Slack, the SMS in Twilio)
 * and the process died before the ledger recorded it. The fake APIs perform the call and never answer,
 * the test kills the child once they hold such calls, and the restarted process must find each effect
 * instead of repeating it — and perform the ones the provider never received.
 */
describe('exactly once across kill -9, by reconciliation with the provider', () => {
  let slack: FakeSlackApi;
  let twilio: FakeTwilioApi;
  let dataDir: string;
  let running: SwitchboardProcess | undefined;
  let customer = 0;
  let notice = 0;

  beforeEach(async () => {
    slack = await FakeSlackApi.start();
    twilio = await FakeTwilioApi.start();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-reconcile-'));
  });
  afterEach(async () => {
    await running?.killHard();
    running = undefined;
    await slack.close();
    await twilio.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    running = await startSwitchboardProcess({
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_NOW: SUNDAY_EVENING,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.url,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM_NUMBER: SWITCHBOARD_NUMBER,
      TWILIO_API_URL: twilio.url,
    });
    return running;
  };

  /** A customer of their own writes after hours, signed like Slack: the notice is keyed by them. */
  async function customerWrites(url: string): Promise<string> {
    customer += 1;
    const user = `U0RECON${String(customer).padStart(4, '0')}`;
    const body = JSON.stringify(
      slackMessagePayload({ teamId: COMPANY_TEAM, channel: CUSTOMER_CHANNEL, user, userTeam: CUSTOMER_TEAM, text: `customer ${customer} is down`, ts: dateToSlackTs(new Date(SUNDAY_EVENING), customer), eventId: newSlackEventId() }),
    );
    const answer = await sendSignedSlackRequest({ url: `${url}/webhooks/slack/events`, body, contentType: 'application/json', signingSecret: SECRET, timestampSeconds: TIMESTAMP });
    expect(answer.status).toBe(200);
    return user;
  }

  /** A customer clicks P0 on a notice of their own: an emergency, paged by SMS to the first on the chain. */
  async function customerEscalates(url: string): Promise<void> {
    notice += 1;
    const user = `U0ESCAL${String(notice).padStart(4, '0')}`;
    const threadTs = dateToSlackTs(new Date(SUNDAY_EVENING), 500 + notice);
    const noticeTs = dateToSlackTs(new Date(SUNDAY_EVENING), 700 + notice);
    const fixture = slackFixture('block-actions') as { actions: Record<string, unknown>[] };
    const payload = {
      ...fixture,
      trigger_id: `${notice}.1234567890123.${'0'.repeat(31)}${notice % 10}`,
      user: { id: user, username: 'someone', name: 'someone', team_id: CUSTOMER_TEAM },
      container: { type: 'message', message_ts: noticeTs, channel_id: CUSTOMER_CHANNEL, is_ephemeral: false },
      channel: { id: CUSTOMER_CHANNEL, name: 'ext-acme' },
      message: { type: 'message', text: 'Thanks for your message.', ts: noticeTs, bot_id: 'B0SWITCHBD', thread_ts: threadTs },
      actions: [{ ...fixture.actions[0], value: encodeButtonValue({ sender: user, messageTs: threadTs, threadTs, excerpt: `checkout ${notice} is down` }), action_ts: noticeTs }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const answer = await sendSignedSlackRequest({ url: `${url}/webhooks/slack/interactions`, body, contentType: 'application/x-www-form-urlencoded', signingSecret: SECRET, timestampSeconds: TIMESTAMP });
    expect(answer.status).toBe(200);
  }

  const notices = () => [...slack.effectPosts().entries()].filter(([key]) => key.startsWith('after-hours.notice:'));
  const pages = () => twilio.createdMessages().filter((message) => message.body.includes('Reply ACK'));

  it('posts one after-hours notice per customer across three kills, none repeated, none lost', { timeout: 300_000 }, async () => {
    const customers: string[] = [];
    for (let cycle = 0; cycle < 3; cycle += 1) {
      const { url } = await start();
      // What the process before took care of is settled first (found, or sent if Slack never had it).
      await until(`cycle ${cycle}: the notices of earlier cycles settled`, () => notices().length === customers.length);

      // Slack takes the first half of the posts and never answers; the second half it never receives.
      const posted = slack.performedUnanswered;
      slack.performWithoutAnswering('chat.postMessage');
      for (let i = 0; i < BATCH / 2; i += 1) customers.push(await customerWrites(url));
      await until(`cycle ${cycle}: Slack holds the posts it took`, () => slack.performedUnanswered - posted === BATCH / 2);
      const parked = slack.held;
      slack.hold('chat.postMessage');
      for (let i = 0; i < BATCH / 2; i += 1) customers.push(await customerWrites(url));
      await until(`cycle ${cycle}: the other posts under way`, () => slack.held - parked === BATCH / 2);

      await running!.killHard();
      slack.resume();
    }
    await start();
    await until('every notice settled', () => notices().length === customers.length);
    await running!.stop();
    running = undefined;

    const byKey = notices();
    const duplicated = byKey.filter(([, posts]) => posts.length > 1);
    const noticed = new Set(byKey.map(([key]) => /^after-hours\.notice:[^:]+:([^:]+):/.exec(key)?.[1]));
    expect(customers).toHaveLength(3 * BATCH);
    expect(duplicated, 'duplicated').toEqual([]);
    expect(noticed, 'lost').toEqual(new Set(customers));
    expect(byKey.map(([, posts]) => posts.length).reduce((a, b) => a + b, 0)).toBe(customers.length);
    // The restarted processes asked Slack before posting: at least once per claim they took over.
    expect(slack.callsTo('conversations.replies').length).toBeGreaterThanOrEqual(3 * BATCH);
  });

  it('sends one SMS per page across a kill after Twilio accepted it, and pages what Twilio never got', { timeout: 300_000 }, async () => {
    const { url } = await start();
    twilio.performWithoutAnswering();
    for (let i = 0; i < BATCH / 2; i += 1) await customerEscalates(url);
    await until('Twilio holds the pages it took', () => twilio.performedUnanswered === BATCH / 2);
    twilio.hold();
    for (let i = 0; i < BATCH / 2; i += 1) await customerEscalates(url);
    await until('the other pages under way', () => twilio.held === BATCH / 2);
    await running!.killHard();
    twilio.resume();

    await start();
    await until('every incident paged', () => pages().length >= BATCH);
    await until('every incident told in Slack', () => [...slack.effectPosts().keys()].filter((key) => key.startsWith('paging.opened:')).length === BATCH);
    await running!.stop();
    running = undefined;

    const codes = pages().map((page) => /Reply ACK ([A-Z0-9]{4})/.exec(page.body)?.[1]);
    expect(pages(), 'one SMS per page').toHaveLength(BATCH);
    expect(new Set(codes).size, 'every incident paged once').toBe(BATCH);
    expect(pages().every((page) => page.to === FIRST_ON_CHAIN)).toBe(true);
    expect(twilio.lists.length, 'the taken-over pages were looked for').toBeGreaterThanOrEqual(BATCH / 2);
    for (const [key, posts] of slack.effectPosts()) expect(posts, key).toHaveLength(1);
  });
});
