import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_FORM_RULES } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { signContactFormBody } from '../../functions/ingest/contact-form/verify-contact-form-request';
import { createIngest } from '../../functions/ingest/ingest';
import { LocalBus } from '../../infra/local/local-bus';
import { createLogger } from '../../shared/log/logger';
import { FakeSlackApi } from '../support/fake-slack-api';
import { FakeUnthreadApi } from '../support/fake-unthread-api';
import { randomText, seededRandom } from '../support/fuzz';
import { startLocalSwitchboard, TEST_CONTACT_FORM_SECRET, type LocalSwitchboard } from '../support/local-switchboard';
import { ingestOverClosedStore } from '../support/ingest-over-closed-store';
import { ManualClock } from '../support/manual-clock';
import { postContactMessage, postJobApplication, postWebsiteForm, websiteFixture } from '../support/website-requests';

const FRIDAY_AFTERNOON = '2026-11-20T15:00:00-08:00';
const MINUTE = 60_000;

describe('POST /webhooks/contact-form: the website posts exactly what it posts to Zapier today', () => {
  let slack: FakeSlackApi;
  let unthread: FakeUnthreadApi;
  let switchboard: LocalSwitchboard;

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
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(FRIDAY_AFTERNOON), slack, unthread });
  });
  afterEach(async () => {
    await switchboard.dispose();
  });

  async function send(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const response = await fetch(`${switchboard.url}/webhooks/contact-form`, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, json: () => JSON.parse(text) as { error: string; details?: { path: string; message: string }[]; id?: string } };
  }

  async function expectNothingPublished() {
    await switchboard.drain();
    expect(await switchboard.platform.runs.list()).toEqual([]);
    expect(await switchboard.platform.table.query({ partition: 'bus-pending', byTime: true })).toEqual([]);
    expect(unthread.requests).toEqual([]);
  }

  describe('accepted', () => {
    it("accepts the website's job application as it is (JSON, webhookSecret in the body) with 202 and its id, once it is durable", async () => {
      const answer = await send(JSON.stringify(websiteFixture('job-application')));

      expect(answer.status).toBe(202);
      const { id } = answer.json();
      expect(id).toMatch(/^form-[0-9a-f-]{36}$/);
      expect(Object.keys(answer.json())).toEqual(['id']);
      await switchboard.drain();
      const [run] = await switchboard.platform.runs.list();
      expect(run).toMatchObject({ automation: 'job-applications', trigger: { detailType: 'contact.form.submitted', eventId: id } });
      expect(unthread.created()).toHaveLength(1);
    });

    it("accepts the website's general contact message", async () => {
      const answer = await send(JSON.stringify(websiteFixture('contact-message')));

      expect(answer.status).toBe(202);
      await switchboard.drain();
      expect(unthread.created()).toHaveLength(1);
    });

    it('accepts the same fields form-encoded', async () => {
      const answer = await postJobApplication(switchboard, {}, { contentType: 'application/x-www-form-urlencoded' });

      expect(answer.status).toBe(202);
      await switchboard.drain();
      expect(unthread.created()).toHaveLength(1);
    });

    it('accepts a body signed with X-Switchboard-Signature instead of carrying the secret', async () => {
      const { webhookSecret: _secret, ...fields } = websiteFixture('job-application');

      const answer = await postWebsiteForm(switchboard, fields, 'application/json', TEST_CONTACT_FORM_SECRET);

      expect(answer.status).toBe(202);
    });

    it('never stores the secret: not in the event, the run, or anywhere in the database file', async () => {
      const answer = await postJobApplication(switchboard);
      await switchboard.drain();

      const run = await switchboard.platform.runs.get(`job-applications:${answer.id}`);
      expect(JSON.stringify(run?.event)).not.toContain('webhookSecret');
      expect(run?.event.detail).toMatchObject({ firstName: 'Ada', position: '🚀 Software Engineer 🌦️' });
      const store = switchboard.store as { kind: 'sqlite'; file: string };
      const files = await Promise.all([store.file, `${store.file}-wal`].map((file) => readFile(file).catch(() => Buffer.alloc(0))));
      for (const bytes of files) expect(bytes.includes(TEST_CONTACT_FORM_SECRET)).toBe(false);
    });
  });

  describe('the same form posted again', () => {
    it('counts once within the re-post window: the same id, one run, one conversation', async () => {
      const first = await postJobApplication(switchboard);
      switchboard.clock.advance(9 * MINUTE);
      const again = await postJobApplication(switchboard, {}, { contentType: 'application/x-www-form-urlencoded' });
      await switchboard.drain();

      expect(again.status).toBe(202);
      expect(again.id).toBe(first.id);
      expect(await switchboard.platform.runs.list()).toHaveLength(1);
      expect(unthread.created()).toHaveLength(1);
    });

    it('counts again after the window, and a different form at once', async () => {
      const first = await postJobApplication(switchboard);
      const other = await postJobApplication(switchboard, { position: '📣 Account Executive' });
      switchboard.clock.advance(10 * MINUTE);
      const later = await postJobApplication(switchboard);
      await switchboard.drain();

      expect(new Set([first.id, other.id, later.id]).size).toBe(3);
      expect(unthread.created()).toHaveLength(3);
    });

    it('follows the configured window', async () => {
      await switchboard.platform.configs.change('test: a one-minute window', (config) => ({ ...config, contactForm: { ...config.contactForm, repostWindow: '1m' } }));
      const first = await postJobApplication(switchboard);
      switchboard.clock.advance(MINUTE);

      expect((await postJobApplication(switchboard)).id).not.toBe(first.id);
    });
  });

  describe('refused, publishing nothing', () => {
    it('answers 401 to a wrong webhookSecret', async () => {
      const answer = await postJobApplication(switchboard, {}, { secret: 'not-the-secret' });

      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: 'Failed to verify authenticity: webhookSecret does not match' });
      await expectNothingPublished();
    });

    it('answers 401 to a body with neither the secret nor a signature', async () => {
      const { webhookSecret: _secret, ...fields } = websiteFixture('job-application');

      const answer = await send(JSON.stringify(fields));

      expect(answer.status).toBe(401);
      await expectNothingPublished();
    });

    it('answers 401 to a wrong X-Switchboard-Signature, whatever the body carries', async () => {
      const body = JSON.stringify(websiteFixture('job-application'));

      const answer = await send(body, { 'content-type': 'application/json', 'x-switchboard-signature': signContactFormBody('other-secret', body) });

      expect(answer.status).toBe(401);
      await expectNothingPublished();
    });

    it('answers 401 to a body that is not JSON, unless it is signed; then 400', async () => {
      const unsigned = await send('{"firstName": "Ada",');
      const signed = await send('{"firstName": "Ada",', { 'content-type': 'application/json', 'x-switchboard-signature': signContactFormBody(TEST_CONTACT_FORM_SECRET, '{"firstName": "Ada",') });

      expect(unsigned.status).toBe(401);
      expect(signed.status).toBe(400);
      expect(signed.json().error).toBe('body is not a JSON object of form fields');
      await expectNothingPublished();
    });

    it('answers 400 naming each missing or malformed field', async () => {
      const fields = { ...websiteFixture('job-application'), lastName: '', emailAddress: 'ada-at-example.org', linkedinProfileUrl: 'linkedin.com/in/ada' };
      delete (fields as Record<string, unknown>)['firstName'];

      const answer = await send(JSON.stringify(fields));

      expect(answer.status).toBe(400);
      expect(answer.json()).toEqual({
        error: 'invalid contact form',
        details: [
          { path: 'firstName', message: 'is required' },
          { path: 'lastName', message: 'is required' },
          { path: 'emailAddress', message: 'must be an e-mail address' },
          { path: 'linkedinProfileUrl', message: 'must be an http(s) URL' },
        ],
      });
      expect(answer.body).not.toContain('ada-at-example.org');
      await expectNothingPublished();
    });

    it('answers 400 to a contact message without a message', async () => {
      const answer = await postContactMessage(switchboard, { message: '' });

      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).details).toEqual([{ path: 'message', message: 'is required for a contact message (one without a position)' }]);
      await expectNothingPublished();
    });

    it('answers 400 with a clear message to an address at a banned domain (or its subdomain)', async () => {
      for (const emailAddress of ['someone@mailinator.com', 'someone@eu.Mailinator.com']) {
        const answer = await postJobApplication(switchboard, { emailAddress });

        expect(answer.status).toBe(400);
        expect(JSON.parse(answer.body)).toEqual({
          error: 'this e-mail address is not accepted: its domain is on the banned list; please use another address',
          details: [{ path: 'emailAddress', message: 'its domain is not accepted' }],
        });
      }
      await expectNothingPublished();
    });

    it('answers 415 to another content type', async () => {
      const answer = await send(JSON.stringify(websiteFixture('job-application')), { 'content-type': 'text/plain' });

      expect(answer.status).toBe(415);
      await expectNothingPublished();
    });

    it('never crashes or answers 5xx for random and mutated bodies carrying the right secret', async () => {
      const random = seededRandom(20261120);
      const valid = websiteFixture('job-application');
      const bodies: string[] = [];
      for (let i = 0; i < 60; i += 1) bodies.push(JSON.stringify({ webhookSecret: TEST_CONTACT_FORM_SECRET, junk: randomText(random, Math.floor(random() * 300)) }));
      for (let i = 0; i < 60; i += 1) {
        const mutated: Record<string, unknown> = { ...valid };
        for (const key of Object.keys(valid)) {
          const roll = random();
          if (key === 'webhookSecret') continue;
          if (roll < 0.15) delete mutated[key];
          else if (roll < 0.3) mutated[key] = Math.floor(random() * 1000);
          else if (roll < 0.4) mutated[key] = ['x'];
          else if (roll < 0.5) mutated[key] = randomText(random, Math.floor(random() * 400));
        }
        bodies.push(JSON.stringify(mutated));
      }
      const statuses = new Set<number>();
      for (const body of bodies) {
        const answer = await send(body);
        statuses.add(answer.status);
        expect(answer.status, body.slice(0, 200)).toBeLessThan(500);
      }
      expect(statuses.has(400)).toBe(true);
    });
  });

  it('answers 503, so the sender can retry, when no CONTACT_FORM_SECRET is configured', async () => {
    const log = createLogger({ level: 'SILENT', runtime: 'local' });
    const ingest = createIngest({
      clock: switchboard.clock,
      secrets: async () => ({}),
      publicBaseUrl: () => switchboard.url,
      intake: new LocalBus(switchboard.platform.table, [], async () => undefined, switchboard.clock, log, { retryDelaysMs: [], concurrency: 1 }),
      contactFormRules: async () => DEFAULT_CONTACT_FORM_RULES,
      formSubmissions: new FormSubmissions(switchboard.platform.table, switchboard.clock),
      log,
      runtime: 'local',
      version: 'test',
    });
    const body = JSON.stringify(websiteFixture('job-application'));

    const answer = await ingest({ method: 'POST', path: '/webhooks/contact-form', query: new URLSearchParams(), rawQuery: '', headers: { 'content-type': 'application/json' }, body: Buffer.from(body) });

    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error).toContain('CONTACT_FORM_SECRET is not set');
  });

  it('answers 503 when the form cannot be stored, and accepts the same form posted again once it can, as a new one', async () => {
    const broken = await ingestOverClosedStore(switchboard, { CONTACT_FORM_SECRET: TEST_CONTACT_FORM_SECRET });
    const fields = { ...websiteFixture('job-application'), webhookSecret: TEST_CONTACT_FORM_SECRET };

    const refused = await broken({ method: 'POST', path: '/webhooks/contact-form', query: new URLSearchParams(), rawQuery: '', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(fields)) });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    await expectNothingPublished();

    const accepted = await send(JSON.stringify(fields));
    expect(accepted.status).toBe(202);
    await switchboard.drain();
    expect(unthread.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect((await switchboard.platform.runs.list()).map((run) => run.runId)).toContain(`job-applications:${accepted.json().id}`);
  });
});
