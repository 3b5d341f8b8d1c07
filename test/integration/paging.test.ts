import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../functions/paging/incident-store';
import { incidentIdFor } from '../../functions/paging/incident-identity';
import type { Incident } from '../../functions/paging/incident';
import { FakeSlackApi, type SlackCall } from '../support/fake-slack-api';
import { FakeTwilioApi, twilioAnswers, type MessageCall } from '../support/fake-twilio-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { sampleEmergencyRequestEvent } from '../support/sample-events';
import { clickSlackButton, CUSTOMER, CUSTOMER_CHANNEL, postSlackMessage } from '../support/slack-requests';
import { newTwilioSid } from '../../infra/cli/scenarios/twilio-sms-params';
import { postInboundSms, TEST_TWILIO_AUTH_TOKEN } from '../support/twilio-requests';

const SUNDAY_EVENING = '2026-11-22T20:00:00-08:00';
const MINUTE = 60_000;
const DANA = { name: 'Dana (VP Customer Success)', phone: '+15555550101' };
const SAM = { name: 'Sam (SVP Customer Success)', phone: '+15555550102' };
const ALEX = { name: 'Alex (Support lead)', phone: '+15555550103' };
const STRANGER = '+15555559999';
const INTERNAL_CHANNEL = 'C0SUPPORT01';

describe('emergency paging by SMS, over HTTP with fake Twilio and Slack APIs', () => {
  let slack: FakeSlackApi;
  let twilio: FakeTwilioApi;
  let switchboard: LocalSwitchboard;
  let incidents: IncidentStore;
  let emergencySequence = 0;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    // Twilio stamps its messages on the test's clock, as the look-up after a crash compares them with ours.
    twilio = await FakeTwilioApi.start({ authToken: TEST_TWILIO_AUTH_TOKEN, now: () => switchboard.clock.now() });
  });
  afterAll(async () => {
    await slack.close();
    await twilio.close();
  });
  beforeEach(async () => {
    slack.reset();
    twilio.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(SUNDAY_EVENING), slack, twilio });
    // A three-person chain, paged twice over, five minutes each.
    await switchboard.platform.configs.change('test: three-person chain', (config) => {
      config.paging.chain = [DANA, SAM, ALEX];
      config.paging.repeats = 1;
      config.paging.ackTimeout = '5m';
      return config;
    });
    incidents = new IncidentStore(switchboard.platform.table, switchboard.clock);
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  /** What the after-hours buttons publish, for a customer thread of its own. */
  async function emergency(severity: 'P0' | 'P1' = 'P0'): Promise<Incident> {
    emergencySequence += 1;
    const event = sampleEmergencyRequestEvent(switchboard.clock.now(), { severity, sequence: emergencySequence });
    await switchboard.bus.publish([event]);
    await switchboard.drain();
    const incident = await incidents.get(incidentIdFor(event.detail.eventId));
    expect(incident, 'the incident was opened').toBeDefined();
    return incident!;
  }

  /** Lets time pass, fires what came due, and waits for everything it caused. */
  async function wait(milliseconds: number): Promise<void> {
    switchboard.clock.advance(milliseconds);
    await switchboard.tick();
    await switchboard.drain();
  }

  const pagesTo = (phone: string) => twilio.succeeded().filter((m) => m.to === phone && m.body?.includes('Reply ACK'));
  const pages = () => twilio.succeeded().filter((m) => m.body?.includes('Reply ACK'));
  const postsIn = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.args['channel'] === channel);

  describe('escalation', () => {
    it('pages the first person at once, with customer, severity, excerpt and ACK code in one segment', async () => {
      const incident = await emergency();

      const [page] = pages() as [MessageCall];
      expect(pages()).toHaveLength(1);
      expect(page.to).toBe(DANA.phone);
      expect(page.from).toBe('+15555550100');
      expect(page.username).toBe(twilio.accountSid);
      expect(page.body).toContain('P0 Acme Corp:');
      expect(page.body).toContain('"Checkout returns 503s');
      expect(page.body).toContain(`Reply ACK ${incident.code}`);
      expect(page.body!.length).toBeLessThanOrEqual(160);
      expect(page.statusCallback).toBe(`${switchboard.url}/webhooks/twilio/status`);
      expect(String(postsIn(INTERNAL_CHANNEL)[0]?.args['text'])).toContain(`paging ${DANA.name} by SMS`);
      expect((await switchboard.timers.list()).map((t) => t.id)).toEqual([`paging:${incident.id}:escalate:0`]);
      const run = await switchboard.platform.runs.get(`paging:${(await lastEmergencyRun()).trigger.eventId}`);
      expect(run?.status).toBe('waiting');
    });

    it("links the page and the internal post to the customer's thread by its permalink, asked of Slack once", async () => {
      const incident = await emergency();
      const permalink = `https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${incident.slack!.threadTs.replace('.', '')}`;

      expect(pages()[0]?.body).toContain(permalink);
      expect(String(postsIn(INTERNAL_CHANNEL)[0]?.args['text'])).toContain(`<${permalink}|Customer thread>`);
      await wait(5 * MINUTE);
      expect(pages()[1]?.body).toContain(permalink);
      expect(slack.callsTo('chat.getPermalink').map((call) => call.args)).toEqual([{ channel: CUSTOMER_CHANNEL, message_ts: incident.slack!.threadTs }]);
    });

    it('still pages, linking to the channel and calling it so, when Slack cannot give the permalink', async () => {
      const channelLink = `https://slack.com/app_redirect?channel=${CUSTOMER_CHANNEL}`;
      slack.script('chat.getPermalink', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      await emergency();

      expect(pages()[0]?.body).toContain(channelLink);
      expect(String(postsIn(INTERNAL_CHANNEL)[0]?.args['text'])).toContain(`<${channelLink}|Customer channel>`);
      expect(String(postsIn(INTERNAL_CHANNEL)[0]?.args['text'])).not.toContain('Customer thread');
      // Slack said the channel is not there: asking again would not help.
      await wait(5 * MINUTE);
      expect(pages()[1]?.body).toContain(channelLink);
      expect(slack.callsTo('chat.getPermalink')).toHaveLength(1);
    });

    it('asks Slack again at the next page when the permalink failed for a while, and links the thread from then on', async () => {
      slack.failFromNowOn('chat.getPermalink', { status: 500, body: { ok: false, error: 'internal_error' } });
      const incident = await emergency();
      const channelLink = `https://slack.com/app_redirect?channel=${CUSTOMER_CHANNEL}`;
      const permalink = `https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${incident.slack!.threadTs.replace('.', '')}`;
      expect(pages()[0]?.body).toContain(channelLink);
      expect(String(postsIn(INTERNAL_CHANNEL)[0]?.args['text'])).toContain(`<${channelLink}|Customer channel>`);

      slack.recover();
      await wait(5 * MINUTE);
      await wait(5 * MINUTE);

      expect(pages()[1]?.body).toContain(permalink);
      expect(pages()[2]?.body).toContain(permalink);
      expect(slack.succeeded('chat.getPermalink')).toHaveLength(1);
      expect((await incidents.get(incident.id))?.link).toBe(permalink);
    });

    it('keeps linking the channel at the next page when Slack still cannot give the permalink', async () => {
      slack.failFromNowOn('chat.getPermalink', { status: 500, body: { ok: false, error: 'internal_error' } });
      await emergency();
      await wait(5 * MINUTE);

      expect(pages()[1]?.body).toContain(`https://slack.com/app_redirect?channel=${CUSTOMER_CHANNEL}`);
      expect(pages()[1]?.to).toBe(SAM.phone);
    });

    it('goes through a three-person chain, repeats it once, then tells the fallback channel', async () => {
      const incident = await emergency();
      for (let page = 2; page <= 6; page += 1) {
        await wait(5 * MINUTE - 1);
        expect(pages(), `no page ${page} before the timeout`).toHaveLength(page - 1);
        await wait(1);
        expect(pages()).toHaveLength(page);
      }
      expect(pages().map((m) => m.to)).toEqual([DANA.phone, SAM.phone, ALEX.phone, DANA.phone, SAM.phone, ALEX.phone]);
      expect(postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes('Nobody acknowledged'))).toHaveLength(0);

      await wait(5 * MINUTE);
      expect(pages()).toHaveLength(6);
      const fallback = postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes('Nobody acknowledged'));
      expect(fallback).toHaveLength(1);
      expect(String(fallback[0]?.args['text'])).toContain(`after 6 pages`);
      expect((await incidents.get(incident.id))?.status).toBe('unanswered');
      expect(await switchboard.timers.list()).toEqual([]);

      await wait(60 * MINUTE);
      expect(pages()).toHaveLength(6);
    });

    it('pages the next person at once when a page cannot be delivered', async () => {
      const incident = await emergency();
      const [first] = pages() as [MessageCall];
      const answer = await twilio.sendStatusCallback(sidOf(first), 'undelivered', { errorCode: '30003' });
      expect(answer.status).toBe(200);
      await switchboard.drain();

      expect(pages().map((m) => m.to)).toEqual([DANA.phone, SAM.phone]);
      expect((await switchboard.timers.list()).map((t) => t.id)).toEqual([`paging:${incident.id}:escalate:1`]);
      const recorded = await incidents.pages(incident.id);
      expect(recorded[0]).toMatchObject({ to: DANA.name, deliveryStatus: 'undelivered' });
    });

    it('only records a delivered page', async () => {
      const incident = await emergency();
      await twilio.sendStatusCallback(sidOf(pages()[0]!), 'delivered');
      await switchboard.drain();
      expect(pages()).toHaveLength(1);
      expect((await incidents.pages(incident.id))[0]?.deliveryStatus).toBe('delivered');
    });

    it('retries a page Twilio failed with a 500, and sends it once', async () => {
      twilio.script(twilioAnswers.serverError(500));
      await emergency();
      expect(twilio.messages.filter((m) => m.to === DANA.phone)).toHaveLength(2);
      expect(pagesTo(DANA.phone)).toHaveLength(1);
    });
  });

  describe('acknowledgement', () => {
    it.each([0, 1, 2, 3, 4, 5])('stops escalation when the person paged at page %i replies ACK', async (stage) => {
      const incident = await emergency();
      for (let i = 0; i < stage; i += 1) await wait(5 * MINUTE);
      const paged = pages().at(-1)!;
      const member = [DANA, SAM, ALEX].find((m) => m.phone === paged.to)!;

      const reply = await postInboundSms(switchboard, { from: member.phone, body: ' ack ' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      await switchboard.drain();

      const acknowledged = await incidents.get(incident.id);
      expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: member.name });
      const thread = slack.callsTo('chat.postMessage').filter((c) => c.args['thread_ts'] === incident.slack?.threadTs);
      expect(thread).toHaveLength(1);
      expect(String(thread[0]?.args['text'])).toContain(`${member.name} from our on-call team has acknowledged`);
      expect(postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes(`${member.name} acknowledged`))).toHaveLength(1);
      const confirmations = twilio.succeeded().filter((m) => m.to === member.phone && m.body?.startsWith('Thanks'));
      expect(confirmations).toHaveLength(1);
      expect(await switchboard.timers.list()).toEqual([]);

      const before = pages().length;
      await wait(30 * MINUTE);
      expect(pages()).toHaveLength(before);
    });

    it('accepts the code from anyone paged so far, in any case and spacing', async () => {
      const incident = await emergency();
      await wait(5 * MINUTE); // Sam is paged now; Dana answers late, with the code
      await postInboundSms(switchboard, { from: DANA.phone, body: `Ack ${incident.code.toLowerCase().split('').join(' ')}` });
      await switchboard.drain();
      expect(await incidents.get(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: DANA.name });
    });

    /** The SMS Switchboard answered a phone with, other than pages. */
    const repliesTo = (phone: string) => twilio.succeeded().filter((m) => m.to === phone && !m.body?.includes('Reply ACK')).map((m) => m.body);

    it('answers a bare ACK with two open pages with the list of codes, and acknowledges none', async () => {
      const older = await emergency();
      await wait(MINUTE);
      const newer = await emergency('P1');

      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();

      expect((await incidents.get(older.id))?.status).toBe('paging');
      expect((await incidents.get(newer.id))?.status).toBe('paging');
      expect(repliesTo(DANA.phone)).toEqual([`You have 2 open pages: reply ACK ${newer.code} for Acme Corp P1, ACK ${older.code} for Acme Corp P0. Nothing was acknowledged.`]);
      expect(slack.callsTo('chat.postMessage').filter((c) => String(c.args['text']).includes('acknowledged'))).toHaveLength(0);
    });

    it('then acknowledges the one whose code comes back', async () => {
      const older = await emergency();
      const newer = await emergency('P1');
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();

      await postInboundSms(switchboard, { from: DANA.phone, body: `ack ${older.code}` });
      await switchboard.drain();

      expect((await incidents.get(older.id))?.status).toBe('acknowledged');
      expect((await incidents.get(newer.id))?.status).toBe('paging');
      expect(repliesTo(DANA.phone).at(-1)).toContain(`Thanks ${DANA.name}: you are on ${older.id}`);
    });

    it('acknowledges with a bare ACK when only one page is open to that number', async () => {
      const incident = await emergency();
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();
      expect(await incidents.get(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: DANA.name });
      expect(repliesTo(DANA.phone)).toEqual([expect.stringMatching(/^Thanks .*: you are on INC-/)]);
    });

    it('changes nothing for an ACK from a number not on the chain, and does not answer it', async () => {
      const incident = await emergency();
      const reply = await postInboundSms(switchboard, { from: STRANGER, body: `ACK ${incident.code}` });
      expect(reply.status).toBe(200);
      await switchboard.drain();
      expect((await incidents.get(incident.id))?.status).toBe('paging');
      expect(twilio.succeeded().filter((m) => m.to === STRANGER)).toHaveLength(0);
      const run = await switchboard.platform.runs.get(`paging:${reply.messageSid}`);
      expect(run?.status).toBe('filtered');
      expect(run?.steps.at(-1)?.detail).toContain('not on the paging chain');
    });

    it('acknowledges for someone on the chain who was not paged yet, and tells them so', async () => {
      const incident = await emergency();
      await postInboundSms(switchboard, { from: SAM.phone, body: `ACK ${incident.code}` });
      await switchboard.drain();

      expect(await incidents.get(incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: SAM.name });
      expect(repliesTo(SAM.phone)).toEqual([expect.stringContaining('before your page: you are on the chain')]);
      expect(pagesTo(SAM.phone)).toHaveLength(0);
      expect(await switchboard.timers.list()).toEqual([]);
    });

    it('answers a wrong code with the codes that are open for that person, and changes nothing', async () => {
      const incident = await emergency();
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK ZZZZ' });
      await switchboard.drain();
      expect((await incidents.get(incident.id))?.status).toBe('paging');
      expect(repliesTo(DANA.phone)).toEqual([`No open page has the code ZZZZ: reply ACK ${incident.code} for Acme Corp P0. Nothing was acknowledged.`]);
    });

    it('answers a message that is not an ACK with what to reply, and changes nothing', async () => {
      const incident = await emergency();
      await postInboundSms(switchboard, { from: DANA.phone, body: 'who is this?' });
      await switchboard.drain();
      expect((await incidents.get(incident.id))?.status).toBe('paging');
      expect(repliesTo(DANA.phone)).toEqual([`Switchboard reads only ACK replies: reply ACK ${incident.code} to take Acme Corp P0. Nothing was changed.`]);
    });

    it('answers an ACK with nothing open', async () => {
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();
      expect(repliesTo(DANA.phone)).toEqual(['You have no open pages: nothing was acknowledged.']);
    });

    it("sends the same answer to a second bare ACK whose reply's claim died before Twilio got it", async () => {
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();
      switchboard.clock.advance(20_000);
      // The process that took the second ACK died holding its reply's claim, before Twilio received the reply.
      const second = newTwilioSid('SM');
      await switchboard.platform.table.put({
        pk: `effect#paging.reply:${second}`,
        sk: 'effect',
        status: 'pending',
        owner: second,
        instance: 'a-process-that-died',
        leaseUntil: switchboard.clock.now().getTime() + 30_000,
        claimedAt: switchboard.clock.now().getTime(),
        expiresAt: Math.floor(switchboard.clock.now().getTime() / 1000) + 86_400,
      });

      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK', messageSid: second });
      await switchboard.drain();

      expect(twilio.lists.length, 'the reply was looked for in Twilio first').toBeGreaterThanOrEqual(1);
      expect(repliesTo(DANA.phone)).toEqual(['You have no open pages: nothing was acknowledged.', 'You have no open pages: nothing was acknowledged.']);
    });

    it('answers every message from the chain exactly once, whatever it says', async () => {
      const incident = await emergency();
      const bodies = ['ACK', 'ACK ZZZZ', 'hello?', `ACK ${incident.code}`, 'ACK'];
      for (const body of bodies) {
        await postInboundSms(switchboard, { from: DANA.phone, body });
        await switchboard.drain();
      }
      expect(repliesTo(DANA.phone)).toHaveLength(bodies.length);
    });

    it('tells a second person who ACKs that it is taken, and changes nothing', async () => {
      const incident = await emergency();
      await wait(5 * MINUTE);
      await postInboundSms(switchboard, { from: SAM.phone, body: 'ACK' });
      await switchboard.drain();
      await postInboundSms(switchboard, { from: DANA.phone, body: `ACK ${incident.code}` });
      await switchboard.drain();
      expect(await incidents.get(incident.id)).toMatchObject({ acknowledgedBy: SAM.name });
      const toDana = twilio.succeeded().filter((m) => m.to === DANA.phone && !m.body?.includes('Reply ACK'));
      expect(toDana.map((m) => m.body)).toEqual([expect.stringContaining(`already acknowledged by ${SAM.name}`)]);
    });

    it('acknowledges once however often Twilio delivers the same reply', async () => {
      const incident = await emergency();
      const first = await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK', idempotencyToken: 'tok-1' });
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK', messageSid: first.messageSid, idempotencyToken: 'tok-1' });
      await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK', messageSid: first.messageSid, idempotencyToken: 'tok-2' });
      await switchboard.drain();
      expect((await incidents.get(incident.id))?.status).toBe('acknowledged');
      expect(twilio.succeeded().filter((m) => m.to === DANA.phone && m.body?.startsWith('Thanks'))).toHaveLength(1);
      expect(postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes('acknowledged'))).toHaveLength(1);
    });

    it('has exactly one outcome when an ACK races the escalation timer, every time', async () => {
      for (let round = 0; round < 15; round += 1) {
        twilio.reset();
        slack.reset();
        const incident = await emergency();
        switchboard.clock.advance(5 * MINUTE); // the timer is due right now
        await Promise.all([switchboard.tick(), postInboundSms(switchboard, { from: DANA.phone, body: `ACK ${incident.code}` })]);
        await switchboard.drain();
        await wait(60 * MINUTE); // whatever was left would have fired by now

        const final = await incidents.get(incident.id);
        expect(final, `round ${round}`).toMatchObject({ status: 'acknowledged', acknowledgedBy: DANA.name });
        expect(twilio.succeeded().filter((m) => m.body?.startsWith('Thanks'))).toHaveLength(1);
        expect(postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes('acknowledged'))).toHaveLength(1);
        expect(postsIn(INTERNAL_CHANNEL).filter((c) => String(c.args['text']).includes('Nobody acknowledged'))).toHaveLength(0);
        expect(pages().length).toBeLessThanOrEqual(2);
        expect(await switchboard.timers.list()).toEqual([]);
      }
    });
  });

  describe('the runs that wait on an incident', () => {
    const waitingRuns = async () => (await switchboard.platform.runs.list({ automation: 'paging', status: 'waiting' })).map((run) => run.runId);

    it('closes the run waiting on the page when the ACK comes, naming the run of the ACK', async () => {
      await emergency();
      const opening = await lastEmergencyRun();
      expect(await waitingRuns()).toEqual([opening.runId]);

      const ack = await postInboundSms(switchboard, { from: DANA.phone, body: 'ACK' });
      await switchboard.drain();

      const closed = await switchboard.platform.runs.get(opening.runId);
      expect(closed).toMatchObject({ status: 'succeeded', closedBy: { runId: `paging:${ack.messageSid}`, reason: expect.stringContaining(`${DANA.name} acknowledged`) } });
      expect(await waitingRuns()).toEqual([]);
    });

    it('hands the wait on from page to page, and the ACK closes only the last', async () => {
      const incident = await emergency();
      const opening = await lastEmergencyRun();
      await wait(5 * MINUTE);
      const [escalation] = await switchboard.platform.runs.list({ automation: 'paging', limit: 1 });

      expect(await switchboard.platform.runs.get(opening.runId)).toMatchObject({
        status: 'succeeded',
        closedBy: { runId: escalation?.runId, reason: expect.stringContaining(`paged ${SAM.name}`) },
      });
      expect(await waitingRuns()).toEqual([escalation?.runId]);

      const ack = await postInboundSms(switchboard, { from: SAM.phone, body: `ACK ${incident.code}` });
      await switchboard.drain();
      expect((await switchboard.platform.runs.get(escalation!.runId))?.closedBy?.runId).toBe(`paging:${ack.messageSid}`);
      expect(await waitingRuns()).toEqual([]);
    });

    it('closes the last wait when nobody answered, naming the run that told the fallback channel', async () => {
      await switchboard.platform.configs.change('test: one person, no repeat', (config) => {
        config.paging.chain = [DANA];
        config.paging.repeats = 0;
        return config;
      });
      await emergency();
      const opening = await lastEmergencyRun();
      await wait(5 * MINUTE);
      const [unanswered] = await switchboard.platform.runs.list({ automation: 'paging', limit: 1 });
      expect(await switchboard.platform.runs.get(opening.runId)).toMatchObject({ status: 'succeeded', closedBy: { runId: unanswered?.runId, reason: expect.stringContaining('nobody acknowledged') } });
      expect(await waitingRuns()).toEqual([]);
    });
  });

  describe('from the after-hours buttons', () => {
    it('turns the P0 button, clicked by the customer, into a page to the first person on the chain', async () => {
      const message = await postSlackMessage(switchboard, { postedAt: SUNDAY_EVENING });
      await switchboard.drain();
      const notice = slack.callsTo('chat.postMessage')[0] as SlackCall;
      const p0 = (notice.args['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[])
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === 'after-hours:escalate-p0')!;
      const noticeTs = (notice.answer.body as { ts: string }).ts;
      const click = { user: CUSTOMER, channel: CUSTOMER_CHANNEL, messageTs: noticeTs, threadTs: message.ts, actionId: p0.action_id, value: p0.value };

      await Promise.all([clickSlackButton(switchboard, click), clickSlackButton(switchboard, click)]);
      await switchboard.drain();

      expect(pages().map((m) => m.to)).toEqual([DANA.phone]);
      expect(pages()[0]?.body).toContain('P0 Acme Corp:');
      expect(await incidents.list()).toHaveLength(1);
      expect(slack.callsTo('chat.update')).toHaveLength(1);
    });

    it('opens one incident and sends one page for a redelivered emergency', async () => {
      const incident = await emergency();
      const run = await lastEmergencyRun();
      await switchboard.bus.publish([run.event]);
      await switchboard.drain();
      expect(await incidents.list()).toHaveLength(1);
      expect(pagesTo(DANA.phone)).toHaveLength(1);
      expect(incident.status).toBe('paging');
    });
  });

  async function lastEmergencyRun() {
    const [run] = await switchboard.platform.runs.list({ automation: 'paging', limit: 1 });
    return run!;
  }
});

function sidOf(message: MessageCall): string {
  return (message.answer.body as { sid: string }).sid;
}
