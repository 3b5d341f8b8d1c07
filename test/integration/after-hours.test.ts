import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { afterHours } from '../../functions/after-hours/automation';
import { defineAutomation } from '../../shared/automation/automation';
import type { DomainEvent } from '../../shared/events/catalogue';
import { FakeSlackApi, type SlackCall } from '../support/fake-slack-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { clickSlackButton, COMPANY_TEAM, CUSTOMER, CUSTOMER_CHANNEL, postSlackMessage } from '../support/slack-requests';

// Sunday 2026-11-22, 8 PM Pacific: closed until Monday 06:00.
const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';

describe('after-hours automation, over HTTP with a fake Slack API', () => {
  let slack: FakeSlackApi;
  let switchboard: LocalSwitchboard;
  const emergencies: DomainEvent[] = [];
  const emergencyRecorder = defineAutomation({
    name: 'emergency-recorder',
    description: 'records slack.emergency.requested for the assertions',
    subscriptions: [{ detailType: 'slack.emergency.requested' }],
    async handle(event) {
      emergencies.push(event);
    },
  });

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(async () => {
    slack.reset();
    emergencies.length = 0;
    switchboard = await startLocalSwitchboard({
      clock: new ManualClock(SUNDAY_EVENING),
      slack,
      options: { automations: [afterHours, emergencyRecorder] },
    });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  async function runOf(eventId: string) {
    await switchboard.drain();
    const run = await switchboard.platform.runs.get(`after-hours:${eventId}`);
    expect(run, `a run for ${eventId}`).toBeDefined();
    return run!;
  }

  describe('the notice', () => {
    it('answers a customer who writes on Sunday evening with exactly one threaded reply and both buttons', async () => {
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      expect(sent.status).toBe(200);

      const run = await runOf(sent.eventId);
      const posts = slack.callsTo('chat.postMessage');
      expect(posts).toHaveLength(1);
      const post = posts[0] as SlackCall;
      expect(post.token).toBe(slack.token);
      expect(post.args).toMatchObject({ channel: CUSTOMER_CHANNEL, thread_ts: sent.ts });
      expect(String(post.args['text'])).toContain('Monday, November 23 at 6:00 AM PT');
      const blocks = JSON.stringify(post.args['blocks']);
      expect(blocks).toContain('Monday, November 23 at 6:00 AM PT');
      expect(blocks).toContain('within 4 business hours');
      const buttons = (post.args['blocks'] as { type: string; elements?: { action_id: string; text: { text: string } }[] }[])
        .filter((block) => block.type === 'actions')
        .flatMap((block) => block.elements ?? []);
      expect(buttons.map((b) => [b.action_id, b.text.text])).toEqual([
        ['after-hours:escalate-p0', 'P0 – production down'],
        ['after-hours:escalate-p1', 'P1 – highly degraded'],
      ]);
      expect(run.status).toBe('succeeded');
      expect(run.steps.map((s) => [s.name, s.outcome])).toEqual([
        ['designated customer channel', 'passed'],
        ['sender is a customer', 'passed'],
        ['outside business hours', 'passed'],
        ['file it for the overnight digest', 'done'],
        ['post after-hours notice', 'done'],
      ]);
    });

    it('names the holiday on Thanksgiving morning, with when the team is back, and carries its effect key', async () => {
      const thanksgivingMorning = '2026-11-26T09:00:00-08:00';
      switchboard.clock.set(thanksgivingMorning);
      const sent = await postSlackMessage(switchboard, { postedAt: thanksgivingMorning });
      await runOf(sent.eventId);

      const [post] = slack.callsTo('chat.postMessage');
      expect(String(post?.args['text'])).toContain("We're closed today for Thanksgiving Day; the team is back Friday, November 27 at 6:00 AM PT.");
      expect(post?.args['metadata']).toEqual({ event_type: 'switchboard_effect', event_payload: { key: expect.stringMatching(/^after-hours\.notice:C0ACMEPROD:U0CUSTOMER1:/) } });
    });

    it('replies in the parent thread when the customer writes inside a thread', async () => {
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, threadTs: '1795400000.000100' });
      await runOf(sent.eventId);
      expect(slack.callsTo('chat.postMessage')[0]?.args['thread_ts']).toBe('1795400000.000100');
    });

    it('is posted once for a delivery Slack retries', async () => {
      const first = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      const retry = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, eventId: first.eventId, ts: first.ts, retryNum: 1 });
      expect(retry.status).toBe(200);
      expect(JSON.parse(retry.body)).toEqual({ ok: true, published: 0 });
      await runOf(first.eventId);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('is posted once per sender per after-hours period, and again in the next period', async () => {
      const first = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      const second = await postSlackMessage(switchboard, { postedAt: '2026-11-22T23:30:00-08:00', text: 'Still down' });
      expect((await runOf(first.eventId)).status).toBe('succeeded');
      const repeat = await runOf(second.eventId);
      expect(repeat.status).toBe('filtered');
      expect(repeat.steps.at(-1)).toMatchObject({ name: 'post after-hours notice', outcome: 'filtered' });
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

      switchboard.clock.set('2026-11-23T17:00:00-08:00'); // Monday after closing: a new period
      const nextNight = await postSlackMessage(switchboard, { postedAt: '2026-11-23T17:00:00-08:00' });
      expect((await runOf(nextNight.eventId)).status).toBe('succeeded');
      expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    });

    it('survives Slack answering 429 with Retry-After and then 500: delivered once', async () => {
      slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
      slack.script('chat.postMessage', { status: 500, body: 'upstream error' });
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      const run = await runOf(sent.eventId);
      expect(run.status).toBe('succeeded');
      expect(slack.succeeded('chat.postMessage')).toHaveLength(1);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    });

    it('ends the run failed, without retrying, when Slack refuses for good', async () => {
      slack.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      const run = await runOf(sent.eventId);
      expect(run.status).toBe('failed');
      expect(run.attempts).toBe(1);
      expect(run.error).toMatchObject({ transient: false, message: expect.stringContaining('channel_not_found') });
      expect(run.steps.at(-1)).toMatchObject({ name: 'post after-hours notice', outcome: 'failed' });
    });
  });

  describe('the filters, each recorded in the run', () => {
    it.each([
      ['a team member', { userTeam: COMPANY_TEAM }, 'sender is a customer', 'belongs to the company workspace'],
      ['a bot', { botId: 'B0DEPLOYBOT', subtype: 'bot_message' }, 'sender is a customer', 'sent by a bot'],
      ['an edit', { subtype: 'message_changed' }, 'sender is a customer', 'message_changed'],
      ['a channel join', { subtype: 'channel_join' }, 'sender is a customer', 'channel_join'],
      ['an undesignated channel', { channel: 'C0RANDOM01' }, 'designated customer channel', 'not a designated customer channel'],
      ['business hours', { postedAt: '2026-11-23T10:15:00-08:00' }, 'outside business hours', 'within business hours'],
    ] as const)('sends nothing for %s', async (_case, input, filter, reason) => {
      if ('postedAt' in input) switchboard.clock.set(input.postedAt);
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING, ...input });
      expect(sent.status).toBe(200);
      const run = await runOf(sent.eventId);
      expect(slack.calls).toHaveLength(0);
      expect(run.status).toBe('filtered');
      const stoppedAt = run.steps.find((step) => step.outcome === 'filtered');
      expect(stoppedAt?.name).toBe(filter);
      expect(stoppedAt?.detail).toContain(reason);
    });

    it('sends nothing to someone on the internal-users list', async () => {
      await switchboard.platform.configs.change('test: internal user', (config) => {
        config.company.slack.internalUsers.push(CUSTOMER);
        return config;
      });
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      const run = await runOf(sent.eventId);
      expect(slack.calls).toHaveLength(0);
      expect(run.steps.find((s) => s.outcome === 'filtered')?.detail).toContain('internal-users list');
    });

    it('answers on a U.S. federal holiday (Thanksgiving, a Thursday afternoon)', async () => {
      switchboard.clock.set('2026-11-26T11:00:00-08:00');
      const sent = await postSlackMessage(switchboard, { postedAt: '2026-11-26T11:00:00-08:00' });
      expect((await runOf(sent.eventId)).status).toBe('succeeded');
      expect(String(slack.callsTo('chat.postMessage')[0]?.args['text'])).toContain('Friday, November 27 at 6:00 AM PT');
    });
  });

  describe('the escalation buttons', () => {
    async function noticeFor() {
      const sent = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      await runOf(sent.eventId);
      const post = slack.callsTo('chat.postMessage')[0] as SlackCall;
      const noticeTs = (post.answer.body as { ts: string }).ts;
      const p0 = (post.args['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[])
        .flatMap((block) => block.elements ?? [])
        .find((element) => element.action_id === 'after-hours:escalate-p0') as { action_id: string; value: string };
      slack.reset();
      return { sent, noticeTs, p0 };
    }

    it('refuses, privately, a click by someone other than the person who asked', async () => {
      const { sent, noticeTs, p0 } = await noticeFor();
      const click = await clickSlackButton(switchboard, { user: 'U0SOMEONE99', channel: CUSTOMER_CHANNEL, messageTs: noticeTs, threadTs: sent.ts, actionId: p0.action_id, value: p0.value });
      expect(click.status).toBe(200);
      expect(click.body).toBe('');
      await switchboard.drain();

      const ephemerals = slack.callsTo('chat.postEphemeral');
      expect(ephemerals).toHaveLength(1);
      expect(ephemerals[0]?.args).toMatchObject({ channel: CUSTOMER_CHANNEL, user: 'U0SOMEONE99' });
      expect(String(ephemerals[0]?.args['text'])).toContain('Only the person who asked');
      expect(slack.callsTo('chat.update')).toHaveLength(0);
      expect(emergencies).toHaveLength(0);
      const run = await switchboard.platform.runs.get(`after-hours:${click.triggerId}`);
      expect(run?.status).toBe('filtered');
    });

    it('turns a double click by the asker into one emergency, one notice update, and a private "already paged"', async () => {
      const { sent, noticeTs, p0 } = await noticeFor();
      const click = { user: CUSTOMER, channel: CUSTOMER_CHANNEL, messageTs: noticeTs, threadTs: sent.ts, actionId: p0.action_id, value: p0.value };
      const [first, second] = await Promise.all([clickSlackButton(switchboard, click), clickSlackButton(switchboard, click)]);
      expect([first.status, second.status]).toEqual([200, 200]);
      await switchboard.drain();

      expect(emergencies).toHaveLength(1);
      expect(emergencies[0]).toMatchObject({
        detailType: 'slack.emergency.requested',
        detail: { severity: 'P0', channel: CUSTOMER_CHANNEL, customer: 'Acme Corp', requestedBy: CUSTOMER, messageTs: sent.ts, threadTs: sent.ts, noticeTs },
      });
      const updates = slack.callsTo('chat.update');
      expect(updates).toHaveLength(1);
      expect(updates[0]?.args).toMatchObject({ channel: CUSTOMER_CHANNEL, ts: noticeTs });
      expect(String(updates[0]?.args['text'])).toContain('On-call has been paged');
      expect(JSON.stringify(updates[0]?.args['blocks'])).not.toContain('after-hours:escalate');
      const ephemerals = slack.callsTo('chat.postEphemeral');
      expect(ephemerals).toHaveLength(1);
      expect(String(ephemerals[0]?.args['text'])).toContain('already been paged');
    });

    it('does not repeat anything when Slack delivers the same click twice', async () => {
      const { sent, noticeTs, p0 } = await noticeFor();
      const click = { user: CUSTOMER, channel: CUSTOMER_CHANNEL, messageTs: noticeTs, threadTs: sent.ts, actionId: p0.action_id, value: p0.value };
      const first = await clickSlackButton(switchboard, click);
      await switchboard.drain();
      await clickSlackButton(switchboard, { ...click, triggerId: first.triggerId });
      await switchboard.drain();
      expect(emergencies).toHaveLength(1);
      expect(slack.callsTo('chat.update')).toHaveLength(1);
      expect(slack.callsTo('chat.postEphemeral')).toHaveLength(0);
    });

    it('records the emergency request in the run history', async () => {
      const { sent, noticeTs, p0 } = await noticeFor();
      const click = await clickSlackButton(switchboard, { user: CUSTOMER, channel: CUSTOMER_CHANNEL, messageTs: noticeTs, threadTs: sent.ts, actionId: 'after-hours:escalate-p1', value: p0.value });
      await switchboard.drain();
      const run = await switchboard.platform.runs.get(`after-hours:${click.triggerId}`);
      expect(run?.status).toBe('succeeded');
      expect(run?.steps.find((s) => s.name === 'request an emergency page')).toMatchObject({ outcome: 'done', detail: 'published slack.emergency.requested (P1)' });
    });
  });
});
