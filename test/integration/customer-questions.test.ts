import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customerQuestions } from '../../functions/customer-questions/automation';
import { QUESTION_COLUMNS } from '../../functions/customer-questions/question-row';
import { DEFAULT_CONTACT_FORM_RULES } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { createIngest } from '../../functions/ingest/ingest';
import { signSlackRequest } from '../../functions/ingest/slack/verify-slack-request';
import { newSlackTriggerId, slackShortcutPayload } from '../../infra/cli/scenarios/slack-shortcut-payload';
import { createLogger } from '../../shared/log/logger';
import { FakeGoogleSheetsApi } from '../support/fake-google-sheets-api';
import { FakeSlackApi } from '../support/fake-slack-api';
import { startLocalSwitchboard, TEST_SIGNING_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { COMPANY_TEAM, CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, TEAMMATE, useSlackShortcut } from '../support/slack-requests';
import { dateToSlackTs } from '../../shared/providers/slack/slack-ts';

// The example configuration: spreadsheet 1ExampleSpreadsheetId…, tab "Customer questions", docs channel
// C0DOCS00001, the summary on Fridays at 15:00 Pacific.
const SPREADSHEET = '1ExampleSpreadsheetIdAbCdEfGhIjKlMnOpQrSt';
const TAB = 'Customer questions';
const MONDAY_MORNING = '2026-11-16T09:00:00-08:00';
const ASKED = dateToSlackTs(new Date('2026-11-16T08:12:00-08:00'));

describe('customer questions, over HTTP with fake Slack and Google Sheets APIs', () => {
  let slack: FakeSlackApi;
  let google: FakeGoogleSheetsApi;
  let switchboard: LocalSwitchboard;

  beforeAll(async () => {
    [slack, google] = await Promise.all([FakeSlackApi.start(), FakeGoogleSheetsApi.start()]);
  });
  afterAll(async () => {
    await Promise.all([slack.close(), google.close()]);
  });
  beforeEach(async () => {
    slack.reset();
    google.reset();
    google.addSpreadsheet(SPREADSHEET, TAB, [...QUESTION_COLUMNS]);
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(MONDAY_MORNING), slack, google, options: { automations: [customerQuestions] } });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  async function runOf(eventId: string) {
    await switchboard.drain();
    const run = await switchboard.platform.runs.get(`customer-questions:${eventId}`);
    expect(run, `a run for ${eventId}`).toBeDefined();
    return run!;
  }

  const questionRows = () => google.rows(SPREADSHEET, TAB).slice(1);

  describe('the shortcut', () => {
    it('appends one row with the question, its customer, channel, permalink and sender, and confirms privately with a link to it', async () => {
      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });
      expect(used).toMatchObject({ status: 200, body: '' });

      const run = await runOf(used.triggerId);

      expect(run.status).toBe('succeeded');
      const permalink = `https://example.slack.com/archives/${CUSTOMER_CHANNEL}/p${ASKED.replace('.', '')}`;
      expect(questionRows()).toEqual([
        [
          '2026-11-16 08:12',
          'Acme Corp',
          '#ext-acme',
          'How do we rotate the API key without downtime?\nWe have two services using it.',
          permalink,
          'robin',
          '2026-11-16T17:00:00.000Z',
          `${CUSTOMER_CHANNEL}:${ASKED}`,
        ],
      ]);
      expect(google.callsTo('values.append')[0]?.query).toMatchObject({ valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' });
      expect(slack.callsTo('chat.getPermalink')[0]?.args).toMatchObject({ channel: CUSTOMER_CHANNEL, message_ts: ASKED });
      const [confirmation] = slack.callsTo('chat.postEphemeral');
      const rowUrl = `https://docs.google.com/spreadsheets/d/${SPREADSHEET}/edit#gid=${google.gidOf(SPREADSHEET, TAB)}&range=A2`;
      expect(confirmation?.args).toMatchObject({ channel: CUSTOMER_CHANNEL, user: TEAMMATE });
      expect(String(confirmation?.args['text'])).toBe(`:white_check_mark: Added to row 2 of the customer questions sheet: <${rowUrl}|open it>.`);
      expect(run.steps.map((step) => [step.name, step.outcome])).toEqual([
        ['the customer questions shortcut', 'passed'],
        ['customer questions are configured', 'passed'],
        ['link to the message', 'done'],
        ['append the question to the sheet', 'done'],
        ['file it for the weekly summary', 'done'],
        ['confirm to the person who sent it', 'done'],
      ]);
    });

    it('makes one row when Slack retries the delivery', async () => {
      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });
      const retry = await useSlackShortcut(switchboard, { messageTs: ASKED, triggerId: used.triggerId, retryNum: 1 });
      expect(retry.status).toBe(200);

      await runOf(used.triggerId);

      expect(questionRows()).toHaveLength(1);
      expect(google.callsTo('values.append')).toHaveLength(1);
      expect(slack.callsTo('chat.postEphemeral')).toHaveLength(1);
    });

    it('makes one row when the shortcut is used again on the same message, and tells the second person where it is', async () => {
      const first = await useSlackShortcut(switchboard, { messageTs: ASKED });
      await runOf(first.triggerId);
      const second = await useSlackShortcut(switchboard, { messageTs: ASKED, user: 'U0TEAMMATE2', userName: 'sam' });

      const run = await runOf(second.triggerId);

      expect(questionRows()).toHaveLength(1);
      expect(run.steps.find((step) => step.name === 'append the question to the sheet')).toMatchObject({ outcome: 'skipped', detail: expect.stringContaining('already in the sheet (row 2)') });
      const told = slack.callsTo('chat.postEphemeral')[1];
      expect(told?.args).toMatchObject({ user: 'U0TEAMMATE2' });
      expect(String(told?.args['text'])).toContain('already in row 2 of the customer questions sheet');
    });

    it('finds the row instead of appending again when a crashed attempt had already appended it', async () => {
      // A process died after Google appended the row and before the ledger recorded it: its claim is pending.
      google.rows(SPREADSHEET, TAB).push(['2026-11-16 08:12', 'Acme Corp', '#ext-acme', 'How do we…', 'https://example.slack.com/…', 'robin', '2026-11-16T16:59:00.000Z', `${CUSTOMER_CHANNEL}:${ASKED}`]);
      await switchboard.platform.table.put({
        pk: `effect#customer-questions.row:${CUSTOMER_CHANNEL}:${ASKED}`,
        sk: 'effect',
        status: 'pending',
        owner: 'an-earlier-click',
        instance: 'a-process-that-died',
        leaseUntil: switchboard.clock.now().getTime() + 30_000,
        expiresAt: Math.floor(switchboard.clock.now().getTime() / 1000) + 86_400,
      });

      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });
      const run = await runOf(used.triggerId);

      expect(run.status).toBe('succeeded');
      expect(google.callsTo('values.append')).toHaveLength(0);
      expect(questionRows()).toHaveLength(1);
      expect(String(slack.callsTo('chat.postEphemeral')[0]?.args['text'])).toContain('row 2');
    });

    it('appends once after Google answered 503, when the bus retries the run', async () => {
      google.script('values.append', { status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } } });

      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });
      const run = await runOf(used.triggerId);

      expect(run.status).toBe('succeeded');
      expect(run.attempts).toBe(2);
      expect(questionRows()).toHaveLength(1);
    });

    it('tells the person privately, and appends nothing, when no sheet is configured', async () => {
      await switchboard.platform.configs.change('test: no customer questions', (config) => {
        delete config.customerQuestions;
        return config;
      });

      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });
      const run = await runOf(used.triggerId);

      expect(run.status).toBe('filtered');
      expect(google.calls).toHaveLength(0);
      expect(String(slack.callsTo('chat.postEphemeral')[0]?.args['text'])).toContain('not set up');
    });
  });

  describe('when Switchboard is not in the channel', () => {
    const refused = (error: string) => ({ status: 200, body: { ok: false, error } });

    /**
     * The shortcut as Slack sends it, signed, through the real ingest, whose test override lets it keep a
     * response URL of the fake Slack (production keeps only https://hooks.slack.com/ ones).
     */
    async function useShortcutAnsweringAt(responseUrl: string): Promise<string> {
      const triggerId = newSlackTriggerId();
      const ingest = createIngest({
        clock: switchboard.clock,
        secrets: async () => ({ SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }),
        publicBaseUrl: () => switchboard.url,
        intake: switchboard.bus,
        contactFormRules: async () => DEFAULT_CONTACT_FORM_RULES,
        formSubmissions: new FormSubmissions(switchboard.platform.table, switchboard.clock),
        log: createLogger({ level: 'SILENT', runtime: 'local' }),
        slackResponseUrlOverride: slack.responseUrlBase,
        runtime: 'local',
        version: 'test',
      });
      const payload = slackShortcutPayload({
        teamId: COMPANY_TEAM,
        callbackId: 'customer-questions:send',
        user: TEAMMATE,
        userName: 'robin',
        userTeam: COMPANY_TEAM,
        channel: CUSTOMER_CHANNEL,
        channelName: 'ext-acme',
        messageTs: ASKED,
        messageUser: CUSTOMER,
        messageUserTeam: CUSTOMER_TEAM,
        text: 'How do we rotate the API key without downtime?',
        actionTs: dateToSlackTs(switchboard.clock.now()),
        triggerId,
        responseUrl,
      });
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const timestamp = Math.floor(switchboard.clock.now().getTime() / 1000);
      const answer = await ingest({
        method: 'POST',
        path: '/webhooks/slack/interactions',
        query: new URLSearchParams(),
        rawQuery: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(TEST_SIGNING_SECRET, timestamp, body) },
        body: Buffer.from(body),
      });
      expect(answer.status).toBe(200);
      return triggerId;
    }

    it('tells the person, through the response URL, to invite @Switchboard, and appends nothing, when Slack will not let it read the message', async () => {
      slack.failFromNowOn('chat.getPermalink', refused('not_in_channel'));
      const responseUrl = slack.responseUrl();

      const run = await runOf(await useShortcutAnsweringAt(responseUrl));

      expect(run.status).toBe('filtered');
      expect(google.callsTo('values.append')).toHaveLength(0);
      expect(slack.callsTo('response_url')).toHaveLength(1);
      const [told] = slack.callsTo('response_url');
      expect(told).toMatchObject({ responseUrl, answer: { status: 200 }, args: { response_type: 'ephemeral', replace_original: false } });
      expect(String(told?.args['text'])).toContain('Switchboard is not in #ext-acme');
      expect(String(told?.args['text'])).toContain('Invite @Switchboard to #ext-acme');
      expect(run.steps.slice(-2)).toMatchObject([
        { name: 'link to the message', outcome: 'filtered', detail: 'Slack refused (not_in_channel): Switchboard is not in #ext-acme' },
        { name: 'tell them to invite Switchboard', outcome: 'done' },
      ]);
      // The URL answers the person for half an hour: it is in no step of the run.
      expect(JSON.stringify(run.steps)).not.toContain(responseUrl);
    });

    it('adds the question and confirms through the response URL when Slack refuses the ephemeral message there', async () => {
      slack.failFromNowOn('chat.postEphemeral', refused('channel_not_found'));
      const responseUrl = slack.responseUrl();

      const run = await runOf(await useShortcutAnsweringAt(responseUrl));

      expect(run.status).toBe('succeeded');
      expect(questionRows()).toHaveLength(1);
      const [told] = slack.callsTo('response_url');
      expect(told?.responseUrl).toBe(responseUrl);
      expect(String(told?.args['text'])).toContain(':white_check_mark: Added to row 2 of the customer questions sheet');
      expect(String(told?.args['text'])).toContain('invite @Switchboard to #ext-acme');
      expect(run.steps.at(-1)).toMatchObject({ name: 'confirm to the person who sent it', outcome: 'done', detail: `told ${TEAMMATE} by response URL (channel_not_found: Switchboard is not in #ext-acme)` });
    });

    it('fails the run, for an admin to see, when Slack refuses and there is no response URL of Slack\'s to answer through', async () => {
      slack.failFromNowOn('chat.getPermalink', refused('not_in_channel'));

      const used = await useSlackShortcut(switchboard, { messageTs: ASKED, responseUrl: 'https://attacker.example/collect' });
      const run = await runOf(used.triggerId);

      expect(run.status).toBe('failed');
      expect(run.event.detail).not.toHaveProperty('responseUrl');
      expect(slack.callsTo('response_url')).toHaveLength(0);
      expect(run.error?.message).toContain('not_in_channel');
    });

    it("keeps Slack's own response URL in the shortcut's event", async () => {
      const used = await useSlackShortcut(switchboard, { messageTs: ASKED });

      const run = await runOf(used.triggerId);

      expect(run.event.detail).toMatchObject({ responseUrl: expect.stringMatching(/^https:\/\/hooks\.slack\.com\/app\/T0EXAMPLE1\//) });
    });
  });

  describe('the weekly summary', () => {
    async function sendQuestion(at: string, messageAt: string, text: string) {
      switchboard.clock.set(at);
      const used = await useSlackShortcut(switchboard, { messageTs: dateToSlackTs(new Date(messageAt)), text });
      expect((await runOf(used.triggerId)).status).toBe('succeeded');
    }

    it("lists exactly that week's questions on Friday at 15:00, once, even across a restart", async () => {
      await sendQuestion('2026-11-16T09:00:00-08:00', '2026-11-16T08:12:00-08:00', 'How do we rotate the API key?');
      await sendQuestion('2026-11-19T11:00:00-08:00', '2026-11-18T22:40:00-08:00', 'Is there an <!channel> SSO guide?\nThanks');
      await sendQuestion('2026-11-20T15:30:00-08:00', '2026-11-20T15:10:00-08:00', 'Next week: can we export audit logs?');
      slack.reset();

      switchboard.clock.set('2026-11-20T14:59:00-08:00');
      await switchboard.tick();
      await switchboard.drain();
      expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

      switchboard.clock.set('2026-11-20T15:00:00-08:00');
      await switchboard.tick();
      await switchboard.drain();

      const [summary] = slack.callsTo('chat.postMessage');
      expect(summary?.args['channel']).toBe('C0DOCS00001');
      expect(summary?.args['text']).toBe('2 customer questions this week (Fri Nov 13 – Fri Nov 20)');
      const listed = JSON.stringify(summary?.args['blocks']);
      expect(listed).toContain('How do we rotate the API key?');
      expect(listed).toContain('Is there an &lt;!channel&gt; SSO guide?');
      expect(listed).not.toContain('Thanks');
      expect(listed).not.toContain('audit logs');
      expect(listed.indexOf('rotate')).toBeLessThan(listed.indexOf('SSO'));

      const dataDir = switchboard.dataDir;
      await switchboard.stop();
      switchboard = await startLocalSwitchboard({ clock: new ManualClock('2026-11-20T15:00:05-08:00'), slack, google, dataDir, options: { automations: [customerQuestions] } });
      await switchboard.tick();
      await switchboard.drain();
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      // The same timer delivered again (Scheduler retries at least once) finds the summary posted.
      const dueAt = new Date('2026-11-20T15:00:00-08:00');
      await switchboard.timers.schedule({ id: `customer-questions:summary:${dueAt.toISOString()}`, automation: 'customer-questions', kind: 'weekly-summary', subject: dueAt.toISOString(), dueAt });
      await switchboard.tick();
      await switchboard.drain();
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

      switchboard.clock.set('2026-11-27T15:00:00-08:00');
      await switchboard.tick();
      await switchboard.drain();
      const nextWeek = slack.callsTo('chat.postMessage')[1];
      expect(nextWeek?.args['text']).toBe('1 customer question this week (Fri Nov 20 – Fri Nov 27)');
      expect(JSON.stringify(nextWeek?.args['blocks'])).toContain('audit logs');
    });
  });
});
