import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { firstResponse } from '../../functions/first-response/automation';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';
import { FakeSlackApi } from '../support/fake-slack-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { COMPANY_TEAM, CUSTOMER, CUSTOMER_CHANNEL, postSlackMessage, sendSlackBody, slackFixture, TEAMMATE } from '../support/slack-requests';

// The example configuration: flags go to C0SUPPORT01; 1 business hour within business hours, 4 hours outside.
const FLAG_CHANNEL = 'C0SUPPORT01';
const MONDAY_TEN = '2026-11-23T10:00:00-08:00';
const SUNDAY_TEN_PM = '2026-11-22T22:00:00-08:00';

describe('the first-response watch, over HTTP with a fake Slack API', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(MONDAY_TEN), slack, options: { automations: [firstResponse] } });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  const flags = () => slack.callsTo('chat.postMessage').filter((call) => call.args['channel'] === FLAG_CHANNEL);

  async function customerWrites(at: string, input: { threadTs?: string; user?: string; text?: string } = {}) {
    switchboard.clock.set(at);
    const sent = await postSlackMessage(switchboard, { postedAt: at, ...input });
    await switchboard.drain();
    return sent;
  }

  async function teamWrites(at: string, threadTs?: string) {
    switchboard.clock.set(at);
    const sent = await postSlackMessage(switchboard, { postedAt: at, user: TEAMMATE, userTeam: COMPANY_TEAM, text: 'On it', ...(threadTs === undefined ? {} : { threadTs }) });
    await switchboard.drain();
    return sent;
  }

  async function reacts(at: string, messageTs: string, user = TEAMMATE) {
    switchboard.clock.set(at);
    const fixture = slackFixture('reaction-added') as { event: Record<string, unknown> };
    const eventId = `Ev0R${Math.floor(Math.random() * 1e8)}`;
    const body = JSON.stringify({ ...fixture, event_id: eventId, event: { ...fixture.event, user, item_user: CUSTOMER, item: { type: 'message', channel: CUSTOMER_CHANNEL, ts: messageTs }, event_ts: dateToSlackTs(new Date(at)) } });
    expect((await sendSlackBody(switchboard, '/webhooks/slack/events', body, 'application/json')).status).toBe(200);
    await switchboard.drain();
    return eventId;
  }

  async function clockReaches(at: string) {
    switchboard.clock.set(at);
    await switchboard.tick();
    await switchboard.drain();
  }

  it('flags once a message unanswered for 61 minutes in business hours, with a link to it', async () => {
    const sent = await customerWrites(MONDAY_TEN, { text: 'Our webhook deliveries are delayed\nsince this morning' });
    await clockReaches('2026-11-23T10:59:00-08:00');
    expect(flags()).toHaveLength(0);

    await clockReaches('2026-11-23T11:01:00-08:00');
    await clockReaches('2026-11-23T11:30:00-08:00');

    expect(flags()).toHaveLength(1);
    const text = JSON.stringify(flags()[0]?.args['blocks']);
    expect(text).toContain(`<https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${sent.ts.replace('.', '')}|Our webhook deliveries are delayed>`);
    expect(flags()[0]?.args['text']).toBe('No first reply yet to Acme Corp (posted Monday, November 23 at 10:00 AM PT, due Monday, November 23 at 11:00 AM PT)');
    const watched = await switchboard.platform.runs.get(`first-response:${sent.eventId}`);
    expect(watched?.steps.at(-1)).toMatchObject({ name: 'watch for a first reply', outcome: 'waiting', detail: 'a first reply is due Monday, November 23 at 11:00 AM PT (1h of business time)' });
    const flagged = (await switchboard.platform.runs.list({ automation: 'first-response' })).find((run) => run.trigger.detailType === 'timer.fired');
    expect(flagged?.status).toBe('succeeded');
    expect(flagged?.steps.at(-1)).toMatchObject({ name: 'flag the unanswered message', outcome: 'done' });
    // The watch's run waited for a reply; the flag ended the wait and says so.
    expect(watched?.status).toBe('succeeded');
    expect(watched?.closedBy).toMatchObject({ runId: flagged?.runId, reason: expect.stringContaining('no first reply by Monday, November 23 at 11:00 AM PT') });
    expect(await switchboard.platform.runs.list({ automation: 'first-response', status: 'waiting' })).toEqual([]);
  });

  it('is cancelled by a team reply in the thread at 59 minutes', async () => {
    const sent = await customerWrites(MONDAY_TEN);
    const reply = await teamWrites('2026-11-23T10:59:00-08:00', sent.ts);

    await clockReaches('2026-11-23T11:01:00-08:00');

    expect(flags()).toHaveLength(0);
    expect(await switchboard.timers.list()).toEqual([]);
    expect((await switchboard.platform.runs.get(`first-response:${sent.eventId}`))?.closedBy).toMatchObject({ runId: `first-response:${reply.eventId}` });
    const run = await switchboard.platform.runs.get(`first-response:${reply.eventId}`);
    expect(run?.steps.at(-1)?.detail).toBe(`${TEAMMATE} answered ${sent.ts} (${CUSTOMER}) in thread ${sent.ts}`);
  });

  it('is cancelled by a team message at the top of the channel, but not by a reply in another thread', async () => {
    const first = await customerWrites(MONDAY_TEN);
    await teamWrites('2026-11-23T10:20:00-08:00', '1795000000.000100');
    expect(await switchboard.timers.list()).toHaveLength(1);

    await teamWrites('2026-11-23T10:30:00-08:00');
    await clockReaches('2026-11-23T11:01:00-08:00');

    expect(flags()).toHaveLength(0);
    expect(first.status).toBe(200);
  });

  it('flags a message posted at 22:00 PT on a Sunday at 02:00 Monday, 4 hours later, if unanswered', async () => {
    switchboard.clock.set(SUNDAY_TEN_PM);
    await customerWrites(SUNDAY_TEN_PM);
    await clockReaches('2026-11-23T01:59:00-08:00');
    expect(flags()).toHaveLength(0);

    await clockReaches('2026-11-23T02:00:00-08:00');

    expect(flags()).toHaveLength(1);
    expect(flags()[0]?.args['text']).toContain('due Monday, November 23 at 2:00 AM PT');
  });

  it('does not flag when the team reply was processed before the customer message it answers', async () => {
    const ts = dateToSlackTs(new Date(MONDAY_TEN));
    await teamWrites('2026-11-23T10:05:00-08:00', ts);
    await customerWrites(MONDAY_TEN);

    await clockReaches('2026-11-23T11:01:00-08:00');

    expect(flags()).toHaveLength(0);
    const decided = (await switchboard.platform.runs.list({ automation: 'first-response' })).find((run) => run.trigger.detailType === 'timer.fired');
    expect(decided?.status).toBe('filtered');
    expect(decided?.steps.at(-1)?.detail).toContain('a team member answered Monday, November 23 at 10:05 AM PT');
  });

  it('watches several lines in a row from one customer as one question, flagged once', async () => {
    await customerWrites(MONDAY_TEN, { text: 'Hi' });
    await customerWrites('2026-11-23T10:01:00-08:00', { text: 'Our exports fail' });
    await customerWrites('2026-11-23T10:02:00-08:00', { text: 'with a 500' });

    await clockReaches('2026-11-23T11:05:00-08:00');

    expect(flags()).toHaveLength(1);
  });

  it('does not count a reaction as a reply unless the configuration says so', async () => {
    const sent = await customerWrites(MONDAY_TEN);
    const reaction = await reacts('2026-11-23T10:10:00-08:00', sent.ts);

    await clockReaches('2026-11-23T11:01:00-08:00');

    expect(flags()).toHaveLength(1);
    const run = await switchboard.platform.runs.get(`first-response:${reaction}`);
    expect(run?.status).toBe('filtered');
    expect(run?.steps.at(-1)?.detail).toContain('reactionsCount is off');
  });

  it("counts a team member's reaction when the configuration says so, and not a customer's", async () => {
    await switchboard.platform.configs.change('test: reactions count', (config) => {
      config.firstResponse!.reactionsCount = true;
      return config;
    });
    slack.addUser(TEAMMATE, COMPANY_TEAM);
    slack.addUser('U0CUSTOMER2', 'T0CUSTOMER1');
    const answered = await customerWrites(MONDAY_TEN);
    const other = await customerWrites('2026-11-23T10:03:00-08:00', { user: 'U0CUSTOMER2', text: 'Another question' });
    await reacts('2026-11-23T10:10:00-08:00', other.ts, 'U0CUSTOMER2');
    await reacts('2026-11-23T10:11:00-08:00', answered.ts);

    await clockReaches('2026-11-23T11:05:00-08:00');

    expect(flags()).toHaveLength(1);
    expect(JSON.stringify(flags()[0]?.args['blocks'])).toContain('Another question');
    expect(slack.callsTo('users.info').map((call) => call.args['user']).sort()).toEqual(['U0CUSTOMER2', TEAMMATE]);
  });

  describe('after the team answered', () => {
    it("does not watch a customer's follow-up in a thread the team already answered, and says why", async () => {
      const asked = await customerWrites(MONDAY_TEN);
      await teamWrites('2026-11-23T10:10:00-08:00', asked.ts);
      const thanks = await customerWrites('2026-11-23T10:20:00-08:00', { threadTs: asked.ts, text: 'Thanks!' });

      await clockReaches('2026-11-23T11:21:00-08:00');

      expect(flags()).toHaveLength(0);
      expect(await switchboard.timers.list()).toEqual([]);
      const run = await switchboard.platform.runs.get(`first-response:${thanks.eventId}`);
      expect(run?.status).toBe('filtered');
      expect(run?.steps.at(-1)).toMatchObject({ name: 'needs a first response', outcome: 'filtered', detail: 'the team already answered this thread at Monday, November 23 at 10:10 AM PT' });
    });

    it('counts a team message at the top of the channel that answered the question as the thread\'s answer', async () => {
      const asked = await customerWrites(MONDAY_TEN);
      await teamWrites('2026-11-23T10:05:00-08:00');
      const followUp = await customerWrites('2026-11-23T10:20:00-08:00', { threadTs: asked.ts, text: 'Great, thank you' });

      await clockReaches('2026-11-23T11:21:00-08:00');

      expect(flags()).toHaveLength(0);
      expect((await switchboard.platform.runs.get(`first-response:${followUp.eventId}`))?.steps.at(-1)?.detail).toBe('the team already answered this thread at Monday, November 23 at 10:05 AM PT');
    });

    it('watches a new message at the top of the channel: a new conversation', async () => {
      const asked = await customerWrites(MONDAY_TEN);
      await teamWrites('2026-11-23T10:10:00-08:00', asked.ts);
      const next = await customerWrites('2026-11-23T10:20:00-08:00', { text: 'Another thing: can we get SSO?' });

      await clockReaches('2026-11-23T11:19:00-08:00');
      expect(flags()).toHaveLength(0);
      await clockReaches('2026-11-23T11:21:00-08:00');

      expect(flags()).toHaveLength(1);
      expect(JSON.stringify(flags()[0]?.args['blocks'])).toContain('Another thing: can we get SSO?');
      expect((await switchboard.platform.runs.get(`first-response:${next.eventId}`))?.steps.find((step) => step.name === 'needs a first response')).toMatchObject({
        outcome: 'passed',
        detail: 'a new conversation at the top of the channel',
      });
    });

    it('watches a follow-up in a thread that was flagged and never answered, with a timer of its own', async () => {
      const asked = await customerWrites(MONDAY_TEN);
      await clockReaches('2026-11-23T11:01:00-08:00');
      const again = await customerWrites('2026-11-23T11:30:00-08:00', { threadTs: asked.ts, text: 'Hello? Anyone?' });

      expect((await switchboard.timers.list()).map((timer) => timer.id)).toEqual([`first-response:${CUSTOMER_CHANNEL}:${again.ts}`]);
      await clockReaches('2026-11-23T12:31:00-08:00');

      expect(flags()).toHaveLength(2);
      expect(JSON.stringify(flags()[1]?.args['blocks'])).toContain('Hello? Anyone?');
    });
  });

  describe('reactions, when they count', () => {
    beforeEach(async () => {
      await switchboard.platform.configs.change('test: reactions count', (config) => {
        config.firstResponse!.reactionsCount = true;
        return config;
      });
      slack.addUser(TEAMMATE, COMPANY_TEAM);
    });

    it("close only the watch of the message reacted to, not the same customer's question in another thread", async () => {
      const olderThread = dateToSlackTs(new Date('2026-11-20T09:00:00-08:00'));
      await customerWrites(MONDAY_TEN, { text: 'First question' });
      const inOtherThread = await customerWrites('2026-11-23T10:05:00-08:00', { threadTs: olderThread, text: 'Second question, in an old thread' });
      await reacts('2026-11-23T10:10:00-08:00', inOtherThread.ts);

      await clockReaches('2026-11-23T11:06:00-08:00');

      expect(flags()).toHaveLength(1);
      expect(JSON.stringify(flags()[0]?.args['blocks'])).toContain('First question');
    });

    it('close the watch a later line of the customer joined, when that line is reacted to', async () => {
      await customerWrites(MONDAY_TEN, { text: 'Hi' });
      const line = await customerWrites('2026-11-23T10:01:00-08:00', { text: 'Our exports fail' });
      await reacts('2026-11-23T10:10:00-08:00', line.ts);

      await clockReaches('2026-11-23T11:05:00-08:00');

      expect(flags()).toHaveLength(0);
      expect(await switchboard.timers.list()).toEqual([]);
    });
  });
});
