import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../functions/job-applications/application-store';
import { SAMPLE_APPLICATION } from '../../infra/cli/scenarios/contact-form-payload';
import type { RunRecord } from '../../shared/runs/run';
import { decodeMailto } from '../support/decode-mailto';
import { FakeSlackApi } from '../support/fake-slack-api';
import { FakeUnthreadApi, type FakeConversation } from '../support/fake-unthread-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { postConversationUpdated } from '../support/unthread-webhooks';
import { postContactMessage, postJobApplication } from '../support/website-requests';

const MONDAY_MORNING = '2026-11-23T09:00:00-08:00';
const FRIDAY_AFTERNOON = '2026-11-20T15:00:00-08:00';
const RILEY = { name: 'Riley (CSE)', slackUserId: 'U0CSE00001', unthreadUserId: '3f0f1e2a-0000-4000-8000-000000000001' };
const CASEY = { name: 'Casey (CSE)', slackUserId: 'U0CSE00002', unthreadUserId: '3f0f1e2a-0000-4000-8000-000000000002' };
const JAMIE = { name: 'Jamie (CSE)', slackUserId: 'U0CSE00003', unthreadUserId: '3f0f1e2a-0000-4000-8000-000000000003' };
const MANAGER = 'U0MANAGER1';
const INBOX = '5b1d9c3e-0000-4000-8000-00000000beef';

describe('job applications: website form → Unthread conversation with a ready reply, a CSE in turn, reminders', () => {
  let slack: FakeSlackApi;
  let unthread: FakeUnthreadApi;
  let switchboard: LocalSwitchboard;
  let applications: ApplicationStore;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    unthread = await FakeUnthreadApi.start();
  });
  afterAll(async () => {
    await slack.close();
    await unthread.close();
  });
  beforeEach(async () => {
    slack.reset();
    unthread.reset();
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(MONDAY_MORNING), slack, unthread });
    applications = new ApplicationStore(switchboard.platform.table, switchboard.clock, 30);
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  /** Posts an application as the website does, and waits for what it causes. */
  async function apply(overrides: Partial<typeof SAMPLE_APPLICATION> = {}): Promise<string> {
    const answer = await postJobApplication(switchboard, overrides);
    expect(answer.status, answer.body).toBe(202);
    await switchboard.drain();
    return answer.id as string;
  }

  /** Moves the clock to an instant, fires what came due, and waits for what it caused. */
  async function waitUntil(instant: string): Promise<void> {
    switchboard.clock.set(instant);
    await switchboard.tick();
    await switchboard.drain();
  }

  const runOf = (id: string): Promise<RunRecord | undefined> => switchboard.platform.runs.get(`job-applications:${id}`);
  const conversationOf = async (id: string): Promise<FakeConversation> => {
    const application = await applications.get(id);
    return unthread.conversations.get(application?.conversation?.id ?? '') as FakeConversation;
  };
  const directMessagesTo = (user: string) => slack.succeeded('chat.postMessage').filter((call) => call.args['channel'] === user);

  describe('the conversation', () => {
    it('is created once, with the position stripped of every emoji, the applicant, the CSE and the inbox', async () => {
      const id = await apply();

      expect(unthread.created()).toHaveLength(1);
      const { request } = await conversationOf(id);
      expect(request).toMatchObject({
        type: 'email',
        status: 'open',
        priority: 5,
        emailInboxId: INBOX,
        assignedToUserId: RILEY.unthreadUserId,
        onBehalfOf: { name: 'Ada Lovelace', email: 'ada.lovelace@example.org' },
      });
      expect(request['title']).toMatch(/^Job application: Software Engineer — Ada Lovelace \[SB-[0-9A-F]{10}\]$/);
      const markdown = String(request['markdown']);
      expect(markdown).toContain('**Job application for Software Engineer**');
      expect(markdown).toContain('| Assigned to | Riley \\(CSE\\) |');
      expect(markdown).toContain('| Reply by | Monday, November 23 at 1:00 PM PT (4 business hours from receipt) |');
      expect(markdown).not.toMatch(/🚀|🌦/);
    });

    it("carries the ready reply: to the applicant, the head of people in CC, and a mailto: link that decodes back to the template's text", async () => {
      const id = await apply();

      const markdown = String((await conversationOf(id)).request['markdown']);
      const link = /\[open it pre-filled\]\((mailto:[^)]+)\)/.exec(markdown)?.[1];
      expect(link).toBeDefined();
      const decoded = decodeMailto(link!);
      expect(decoded.to).toEqual(['ada.lovelace@example.org']);
      expect(decoded.fields['cc']).toBe('people@example.com');
      expect(decoded.fields['subject']).toBe('Your application for Software Engineer at Example Inc.');
      expect(decoded.fields['body']).toBe(
        [
          'Hi Ada,',
          '',
          'Thank you for applying for the Software Engineer role at Example Inc.! We have received your',
          'application, and our Head of People, copied here, will be in touch about next steps.',
          '',
          'Best regards,',
          'Riley (CSE)',
        ].join('\r\n'),
      );
      expect(markdown).toContain('**Cc:** people@example\\.com');
    });

    it('is created once when the form is posted twice and the event delivered twice', async () => {
      const first = await postJobApplication(switchboard);
      const second = await postJobApplication(switchboard);
      await switchboard.drain();
      const run = await runOf(first.id as string);
      await switchboard.bus.publish([run!.event]);
      await switchboard.drain();

      expect(second.id).toBe(first.id);
      expect(unthread.requestsTo('POST', '/api/conversations').filter((request) => request.path === '/api/conversations')).toHaveLength(1);
      expect(unthread.created()).toHaveLength(1);
      expect((await runOf(first.id as string))?.steps.map((step) => [step.name, step.outcome])).toEqual([
        ['assign a CSE', 'skipped'],
        ['create the Unthread conversation', 'skipped'],
        ['wait for the reply', 'waiting'],
      ]);
      // The redelivery took no turn: the next application goes to the next CSE.
      const next = await apply({ emailAddress: 'charles.babbage@example.org', firstName: 'Charles', lastName: 'Babbage' });
      expect((await applications.get(next))?.cse.name).toBe(CASEY.name);
    });

    it('is created once when Unthread loses its answer (a 500 after creating it)', async () => {
      unthread.script('create', { status: 500, afterProcessing: true });

      await apply();

      expect(unthread.created()).toHaveLength(1);
      expect(unthread.requestsTo('POST', '/api/conversations/list')).toHaveLength(1);
    });

    it('is recorded in a run that names the position and the CSE, never the applicant', async () => {
      const id = await apply();

      const run = await runOf(id);
      expect(run?.status).toBe('waiting');
      expect(run?.steps.map((step) => step.detail).join(' ')).toMatch(/Software Engineer → Riley \(CSE\) \(#1\), due Monday, November 23 at 1:00 PM PT/);
      const details = JSON.stringify(run?.steps);
      for (const personal of ['Ada', 'Lovelace', 'ada.lovelace@example.org', 'London']) expect(details).not.toContain(personal);
    });
  });

  describe('the round robin over the CSEs', () => {
    it('assigns applications in turn', async () => {
      const ids = [];
      for (const name of ['Ada', 'Charles', 'Grace', 'Alan']) ids.push(await apply({ firstName: name, emailAddress: `${name.toLowerCase()}@example.org` }));

      const assignees = await Promise.all(ids.map(async (id) => (await conversationOf(id)).request['assignedToUserId']));
      expect(assignees).toEqual([RILEY.unthreadUserId, CASEY.unthreadUserId, JAMIE.unthreadUserId, RILEY.unthreadUserId]);
    });

    it('stays fair under 20 concurrent submissions: each CSE its share, never twice in a row', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) => postJobApplication(switchboard, { firstName: `Applicant${index}`, emailAddress: `applicant${index}@example.org` })),
      );
      await switchboard.drain();

      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(202));
      const assigned = await Promise.all(answers.map(async (answer) => (await applications.get(answer.id as string))!));
      const inTurnOrder = [...assigned].sort((a, b) => a.turn - b.turn);
      expect(inTurnOrder.map((application) => application.turn)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      const shares = new Map<string, number>();
      for (const application of assigned) shares.set(application.cse.name, (shares.get(application.cse.name) ?? 0) + 1);
      expect([...shares.values()].sort()).toEqual([6, 7, 7]);
      for (let index = 1; index < inTurnOrder.length; index += 1) {
        expect(inTurnOrder[index]!.cse.name, `turns ${index} and ${index + 1}`).not.toBe(inTurnOrder[index - 1]!.cse.name);
      }
      expect(unthread.created()).toHaveLength(20);
      const assignees = new Set(unthread.created().map((conversation) => conversation.request['assignedToUserId']));
      expect(assignees).toEqual(new Set([RILEY.unthreadUserId, CASEY.unthreadUserId, JAMIE.unthreadUserId]));
    });
  });

  describe('the deadline: 4 business hours from receipt, on the business calendar', () => {
    it.each([
      ['Friday 15:00 PT', 'Monday, November 23 at 9:00 AM PT', '2026-11-20T15:00:00-08:00', '2026-11-23T09:00:00-08:00'],
      ['Saturday', 'Monday, November 23 at 10:00 AM PT', '2026-11-21T11:00:00-08:00', '2026-11-23T10:00:00-08:00'],
      ['the day before Thanksgiving, 14:00 PT', 'Friday, November 27 at 8:00 AM PT', '2026-11-25T14:00:00-08:00', '2026-11-27T08:00:00-08:00'],
    ])('received %s, it is due %s', async (_when, described, receivedAt, dueAt) => {
      switchboard.clock.set(receivedAt);

      const id = await apply();

      const timers = await switchboard.timers.list();
      expect(timers.find((timer) => timer.id === `job-applications:${id}:due`)?.dueAt.toISOString()).toBe(new Date(dueAt).toISOString());
      expect(String((await conversationOf(id)).request['markdown'])).toContain(`| Reply by | ${described}`);
    });
  });

  describe('reminders', () => {
    it('reminds the CSE one business hour before and at the deadline, then tells the manager, each once', async () => {
      switchboard.clock.set(FRIDAY_AFTERNOON);
      const id = await apply();

      await waitUntil('2026-11-23T07:59:00-08:00');
      expect(directMessagesTo(RILEY.slackUserId)).toEqual([]);

      await waitUntil('2026-11-23T08:00:00-08:00');
      const [before] = directMessagesTo(RILEY.slackUserId);
      expect(String(before?.args['text'])).toMatch(/^Reminder: the job application for Software Engineer \(Unthread conversation #1, SB-[0-9A-F]{10}\) is due Monday, November 23 at 9:00 AM PT/);
      expect(unthread.requestsTo('GET', '/api/conversations/')).toHaveLength(1);

      await waitUntil('2026-11-23T09:00:00-08:00');
      expect(directMessagesTo(RILEY.slackUserId)).toHaveLength(2);
      expect(String(directMessagesTo(RILEY.slackUserId)[1]?.args['text'])).toContain('is due now');
      expect(directMessagesTo(MANAGER)).toEqual([]);

      await waitUntil('2026-11-23T09:30:00-08:00');
      const [escalation] = directMessagesTo(MANAGER);
      expect(String(escalation?.args['text'])).toContain(`assigned to <@${RILEY.slackUserId}> (Riley (CSE)) was due Monday, November 23 at 9:00 AM PT`);

      await waitUntil('2026-11-24T16:00:00-08:00');
      expect(directMessagesTo(RILEY.slackUserId)).toHaveLength(2);
      expect(directMessagesTo(MANAGER)).toHaveLength(1);
      expect(await switchboard.timers.list()).toEqual([]);
      const texts = slack.calls.map((call) => String(call.args['text'])).join('\n');
      expect(texts).not.toMatch(/Ada|Lovelace|ada\.lovelace/);
      // Past the deadline the manager was told: nothing more is scheduled, and the application's run says so.
      const escalated = (await switchboard.platform.runs.list({ automation: 'job-applications', limit: 1 }))[0];
      expect(await runOf(id)).toMatchObject({ status: 'succeeded', closedBy: { runId: escalated?.runId, reason: expect.stringContaining('manager was told') } });
    });

    it('are skipped when a signed conversation_updated closed the conversation in time, without asking Unthread', async () => {
      switchboard.clock.set(FRIDAY_AFTERNOON);
      const id = await apply();
      const conversation = await conversationOf(id);
      switchboard.clock.set('2026-11-20T15:30:00-08:00');

      const answer = await postConversationUpdated(switchboard, { conversationId: conversation.id, status: 'closed' });
      await switchboard.drain();
      expect(answer.status).toBe(200);
      await waitUntil('2026-11-23T12:00:00-08:00');

      expect(slack.succeeded('chat.postMessage')).toEqual([]);
      expect(unthread.requestsTo('GET', '/api/conversations/')).toEqual([]);
      const closedBy = (await runOf(id))?.closedBy;
      expect(closedBy).toMatchObject({ reason: expect.stringContaining('closed (Unthread webhook)') });
      expect((await switchboard.platform.runs.get(closedBy!.runId))?.trigger.detailType).toBe('unthread.conversation.updated');
      expect(await switchboard.platform.runs.list({ automation: 'job-applications', status: 'waiting' })).toEqual([]);
      const timerRuns = (await switchboard.platform.runs.list({ automation: 'job-applications' })).filter((run) => run.trigger.detailType === 'timer.fired');
      expect(timerRuns).toHaveLength(3);
      for (const run of timerRuns) {
        expect(run.status).toBe('filtered');
        expect(run.steps.at(-1)?.detail).toMatch(/^closed \(Unthread webhook at 2026-11-20T23:30:00.000Z\): nothing to remind$/);
      }
    });

    it('are skipped when Unthread says, asked at reminder time, that the conversation is closed (a missed webhook)', async () => {
      switchboard.clock.set(FRIDAY_AFTERNOON);
      const id = await apply();
      unthread.setStatus((await conversationOf(id)).id, 'closed');

      for (const moment of ['2026-11-23T08:00:00-08:00', '2026-11-23T09:00:00-08:00', '2026-11-23T09:30:00-08:00']) await waitUntil(moment);

      expect(slack.succeeded('chat.postMessage')).toEqual([]);
      // Asked once, at the first reminder; the later moments know it is closed.
      expect(unthread.requestsTo('GET', '/api/conversations/')).toHaveLength(1);
      expect((await applications.get(id))).toMatchObject({ conversationStatus: 'closed', statusFrom: 'api' });
    });

    it('escalate when the conversation was closed only after the deadline', async () => {
      switchboard.clock.set(FRIDAY_AFTERNOON);
      const id = await apply();
      await waitUntil('2026-11-23T09:00:00-08:00');
      expect(directMessagesTo(RILEY.slackUserId)).toHaveLength(2);

      await waitUntil('2026-11-23T09:30:00-08:00');
      await postConversationUpdated(switchboard, { conversationId: (await conversationOf(id)).id, status: 'closed' });
      await switchboard.drain();

      expect(directMessagesTo(MANAGER)).toHaveLength(1);
    });

    it('resume when a closed conversation is reopened before the deadline, and ignore an update older than the one recorded', async () => {
      switchboard.clock.set(FRIDAY_AFTERNOON);
      const id = await apply();
      const conversation = await conversationOf(id);
      switchboard.clock.set('2026-11-20T15:10:00-08:00');
      await postConversationUpdated(switchboard, { conversationId: conversation.id, status: 'closed' });
      switchboard.clock.set('2026-11-20T15:20:00-08:00');
      await postConversationUpdated(switchboard, { conversationId: conversation.id, status: 'open' });
      // A delivery of the earlier close, arriving late (Unthread's retries are not ordered).
      switchboard.clock.set('2026-11-20T15:15:00-08:00');
      await postConversationUpdated(switchboard, { conversationId: conversation.id, status: 'closed' });
      await switchboard.drain();
      expect(await applications.get(id)).toMatchObject({ conversationStatus: 'open', statusFrom: 'webhook', statusAt: '2026-11-20T23:20:00.000Z' });

      await waitUntil('2026-11-23T08:00:00-08:00');

      expect(directMessagesTo(RILEY.slackUserId)).toHaveLength(1);
    });

    it('survive a restart: the timers are stored, and fire after the runtime starts again', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
      try {
        await switchboard.dispose();
        switchboard = await startLocalSwitchboard({ clock: new ManualClock(FRIDAY_AFTERNOON), slack, unthread, dataDir });
        await apply();
        await switchboard.stop();

        switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-23T08:00:00-08:00'), slack, unthread, dataDir });
        await switchboard.tick();
        await switchboard.drain();

        expect(directMessagesTo(RILEY.slackUserId)).toHaveLength(1);
        await switchboard.stop();
        switchboard = await startLocalSwitchboard({ clock: new ManualClock(MONDAY_MORNING), slack, unthread });
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('a general contact message', () => {
    it('becomes an unassigned conversation with a link to answer it, and no deadline', async () => {
      const answer = await postContactMessage(switchboard);
      await switchboard.drain();

      const [conversation] = unthread.created();
      expect(conversation?.request).toMatchObject({ type: 'email', emailInboxId: INBOX, onBehalfOf: { name: 'Grace Hopper', email: 'grace.hopper@example.net' } });
      expect(conversation?.request).not.toHaveProperty('assignedToUserId');
      expect(String(conversation?.request['title'])).toMatch(/^Website message from Grace Hopper \[SB-[0-9A-F]{10}\]$/);
      expect(String(conversation?.request['markdown'])).toContain('> Do you offer a discount for non\\-profit organisations?');
      expect(await switchboard.timers.list()).toEqual([]);
      expect((await runOf(answer.id as string))?.status).toBe('succeeded');
    });
  });

  describe('without a jobApplications section in the configuration', () => {
    it('fails the run, saying what to configure, and creates nothing', async () => {
      await switchboard.platform.configs.change('test: no job applications', (config) => {
        delete config.jobApplications;
        return config;
      });

      const id = await apply();

      const run = await runOf(id);
      expect(run?.status).toBe('failed');
      expect(run?.steps).toEqual([expect.objectContaining({ name: 'read the job-application settings', outcome: 'failed', detail: expect.stringContaining('no jobApplications section') })]);
      expect(unthread.requests).toEqual([]);
    });
  });
});
