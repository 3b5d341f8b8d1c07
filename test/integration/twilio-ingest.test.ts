import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_FORM_RULES } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { createIngest } from '../../functions/ingest/ingest';
import type { IngestContext } from '../../functions/ingest/ingest-context';
import { signTwilioRequest } from '../../functions/ingest/twilio/verify-twilio-request';
import { EMPTY_TWIML } from '../../functions/ingest/twiml';
import { newTwilioSid, twilioSmsParams } from '../../infra/cli/scenarios/twilio-sms-params';
import { LocalBus } from '../../infra/local/local-bus';
import { defineAutomation } from '../../shared/automation/automation';
import type { DomainEvent } from '../../shared/events/catalogue';
import { createLogger } from '../../shared/log/logger';
import { TwilioSmsSender } from '../../shared/providers/sms/twilio-sms-sender';
import type { Secrets } from '../../shared/settings/secrets';
import { SqliteTable } from '../../shared/store/sqlite-table';
import { FakeTwilioApi } from '../support/fake-twilio-api';
import { startLocalSwitchboard, type LocalSwitchboard } from '../support/local-switchboard';
import { ManualClock } from '../support/manual-clock';
import { randomText, seededRandom } from '../support/fuzz';
import {
  FIRST_ON_CHAIN,
  postInboundSms,
  postTwilioStatus,
  sendTwilioForm,
  SWITCHBOARD_NUMBER,
  TEST_TWILIO_AUTH_TOKEN,
  twilioFixture,
} from '../support/twilio-requests';

const NOW = '2026-11-22T20:05:00-08:00';
const SMS_PATH = '/webhooks/twilio/sms';
const STATUS_PATH = '/webhooks/twilio/status';

describe('Twilio webhooks over HTTP', () => {
  let switchboard: LocalSwitchboard;
  const received: DomainEvent[] = [];
  const smsRecorder = defineAutomation({
    name: 'sms-recorder',
    description: 'records sms.received and sms.status for the assertions',
    subscriptions: [{ detailType: 'sms.received' }, { detailType: 'sms.status' }],
    async handle(event) {
      received.push(event);
    },
  });

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({
      clock: new ManualClock(NOW),
      env: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN },
      options: { automations: [smsRecorder] },
    });
  });
  afterAll(async () => {
    await switchboard.dispose();
  });
  beforeEach(() => {
    received.length = 0;
  });

  /** What reached the bus since the test began, once every accepted event is handled. */
  async function published(): Promise<DomainEvent[]> {
    await switchboard.drain();
    return [...received];
  }

  async function post(path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${switchboard.url}${path}`, { method: 'POST', body, headers });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: text, json: () => JSON.parse(text) as { error: string; details?: unknown } };
  }

  /** Headers Twilio would send for this form, signed for `url` with `token`. */
  function signed(params: Record<string, string>, url = `${switchboard.url}${SMS_PATH}`, token = TEST_TWILIO_AUTH_TOKEN) {
    return { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(token, url, params) };
  }

  describe('an incoming SMS', () => {
    it('is answered with empty TwiML and published once as sms.received', async () => {
      const answer = await postInboundSms(switchboard, { from: FIRST_ON_CHAIN, body: 'ACK 4821' });

      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^text\/xml/);
      expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      expect(await published()).toEqual([
        {
          detailType: 'sms.received',
          detail: {
            eventId: answer.messageSid,
            receivedAt: new Date(NOW).toISOString(),
            provider: 'twilio',
            messageSid: answer.messageSid,
            from: FIRST_ON_CHAIN,
            to: SWITCHBOARD_NUMBER,
            body: 'ACK 4821',
          },
        },
      ]);
    });

    it("takes Twilio's documented fields as they come (the fixture)", async () => {
      const fixture = { ...twilioFixture('inbound-sms'), MessageSid: newTwilioSid('SM') };
      const answer = await sendTwilioForm(switchboard, SMS_PATH, fixture);
      expect(answer.status).toBe(200);
      expect((await published()).map((event) => event.detail.eventId)).toEqual([fixture['MessageSid']]);
    });

    it("is published once when Twilio retries it with the same idempotency token", async () => {
      const messageSid = newTwilioSid('SM');
      const answers = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        answers.push(await postInboundSms(switchboard, { messageSid, body: 'ACK', idempotencyToken: 'AC0-retry-token-1' }));
      }
      expect(answers.map((answer) => [answer.status, answer.body])).toEqual(Array.from({ length: 3 }, () => [200, EMPTY_TWIML]));
      expect(await published()).toHaveLength(1);
    });

    it('is published once when it comes again without a token: the MessageSid identifies it', async () => {
      const messageSid = newTwilioSid('SM');
      await postInboundSms(switchboard, { messageSid, body: 'ACK', idempotencyToken: null });
      const again = await postInboundSms(switchboard, { messageSid, body: 'ACK', idempotencyToken: null });
      expect(again.status).toBe(200);
      expect(again.body).toBe(EMPTY_TWIML);
      expect(await published()).toHaveLength(1);
    });

    it('processes a signed new message that carries an idempotency token seen before (the token is not signed)', async () => {
      await postInboundSms(switchboard, { body: 'ACK 4821', idempotencyToken: 'reused-token' });
      const other = await postInboundSms(switchboard, { body: 'ACK 7777', idempotencyToken: 'reused-token' });

      expect(other.status).toBe(200);
      expect((await published()).map((event) => (event.detail as { body?: string }).body)).toEqual(['ACK 4821', 'ACK 7777']);
      expect((await published())[1]?.detail.eventId).toBe(other.messageSid);
    });

    it('is published once when a retry of it carries another idempotency token: the signed MessageSid decides', async () => {
      const messageSid = newTwilioSid('SM');
      await postInboundSms(switchboard, { messageSid, body: 'ACK', idempotencyToken: 'token-1' });
      await postInboundSms(switchboard, { messageSid, body: 'ACK', idempotencyToken: 'token-2' });
      expect(await published()).toHaveLength(1);
    });

    it('publishes two messages with the same text as two events', async () => {
      await postInboundSms(switchboard, { body: 'ACK' });
      await postInboundSms(switchboard, { body: 'ACK' });
      expect(await published()).toHaveLength(2);
    });

    it('accepts a message from a short code, and an empty body', async () => {
      const answer = await postInboundSms(switchboard, { from: '89361', body: '' });
      expect(answer.status).toBe(200);
      expect((await published())[0]?.detail).toMatchObject({ from: '89361', body: '' });
    });

    it('accepts a content type with a charset', async () => {
      const params = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK' });
      const response = await post(SMS_PATH, new URLSearchParams(params).toString(), {
        ...signed(params),
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      });
      expect(response.status).toBe(200);
      expect(await published()).toHaveLength(1);
    });
  });

  describe('a status callback', () => {
    it('is answered with empty TwiML and published as sms.status', async () => {
      const messageSid = newTwilioSid('SM');
      const answer = await postTwilioStatus(switchboard, { messageSid, status: 'undelivered', errorCode: '30003' });

      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^text\/xml/);
      expect(answer.body).toBe(EMPTY_TWIML);
      expect(await published()).toEqual([
        {
          detailType: 'sms.status',
          detail: {
            eventId: `${messageSid}:undelivered`,
            receivedAt: new Date(NOW).toISOString(),
            provider: 'twilio',
            messageSid,
            status: 'undelivered',
            to: FIRST_ON_CHAIN,
            errorCode: '30003',
          },
        },
      ]);
    });

    it('publishes each status of a message once, whatever the retries', async () => {
      const messageSid = newTwilioSid('SM');
      await postTwilioStatus(switchboard, { messageSid, status: 'sent', idempotencyToken: 'tok-sent' });
      await postTwilioStatus(switchboard, { messageSid, status: 'sent', idempotencyToken: 'tok-sent' });
      await postTwilioStatus(switchboard, { messageSid, status: 'delivered', idempotencyToken: null });
      await postTwilioStatus(switchboard, { messageSid, status: 'delivered', idempotencyToken: null });
      expect((await published()).map((event) => event.detail.eventId)).toEqual([`${messageSid}:sent`, `${messageSid}:delivered`]);
    });

    it('publishes a new status that carries an idempotency token seen before, and not a repeat under a new token', async () => {
      const messageSid = newTwilioSid('SM');
      await postTwilioStatus(switchboard, { messageSid, status: 'sent', idempotencyToken: 'same-token' });
      await postTwilioStatus(switchboard, { messageSid, status: 'undelivered', errorCode: '30003', idempotencyToken: 'same-token' });
      await postTwilioStatus(switchboard, { messageSid, status: 'undelivered', errorCode: '30003', idempotencyToken: 'another-token' });
      expect((await published()).map((event) => event.detail.eventId)).toEqual([`${messageSid}:sent`, `${messageSid}:undelivered`]);
    });

    it('comes back for a message the live sender created, signed by (the fake) Twilio', async () => {
      const twilio = await FakeTwilioApi.start({ authToken: TEST_TWILIO_AUTH_TOKEN });
      try {
        const sender = new TwilioSmsSender({
          accountSid: twilio.accountSid,
          authToken: twilio.authToken,
          from: SWITCHBOARD_NUMBER,
          apiUrl: twilio.url,
          log: createLogger({ level: 'SILENT', runtime: 'local' }),
        });
        const { sid } = await sender.send({ to: FIRST_ON_CHAIN, body: 'P0 for Acme. Reply ACK 4821', statusCallback: `${switchboard.url}${STATUS_PATH}` });

        const answer = await twilio.sendStatusCallback(sid, 'delivered');

        expect(answer.status).toBe(200);
        expect(await published()).toEqual([expect.objectContaining({ detailType: 'sms.status', detail: expect.objectContaining({ messageSid: sid, status: 'delivered', to: FIRST_ON_CHAIN }) })]);
      } finally {
        await twilio.close();
      }
    });
  });

  describe('signatures', () => {
    const params = () => twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK 4821' });

    it.each([
      ['a missing signature', () => ({ 'content-type': 'application/x-www-form-urlencoded' })],
      ['a signature with another auth token', (p: Record<string, string>) => signed(p, undefined, 'another-token')],
      ['a signature of another path', (p: Record<string, string>) => signed(p, `${switchboard.url}${STATUS_PATH}`)],
      ['a signature of other fields', (p: Record<string, string>) => signed({ ...p, Body: 'ACK 0000' })],
      ['a garbage signature', () => ({ 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm9wZQ==' })],
    ])('refuses %s with 401 and publishes nothing', async (_case, headers) => {
      const fields = params();
      const response = await post(SMS_PATH, new URLSearchParams(fields).toString(), headers(fields));
      expect(response.status).toBe(401);
      expect(response.json().error).toMatch(/^Failed to verify authenticity: (header x-twilio-signature is missing|signature does not match)/);
      expect(await published()).toEqual([]);
    });

    it('refuses a signed request whose body was tampered with', async () => {
      const fields = params();
      const headers = signed(fields);
      const tampered = new URLSearchParams({ ...fields, From: '+15555550999' }).toString();
      const response = await post(SMS_PATH, tampered, headers);
      expect(response.status).toBe(401);
      expect(response.json().error).toBe('Failed to verify authenticity: signature does not match the URL and parameters');
      expect(await published()).toEqual([]);
    });

    it('says which header is missing', async () => {
      const response = await post(STATUS_PATH, 'MessageSid=x', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(response.status).toBe(401);
      expect(response.json().error).toBe('Failed to verify authenticity: header x-twilio-signature is missing');
    });

    it('covers the query string of the URL Twilio was given', async () => {
      const fields = params();
      const url = `${switchboard.url}${SMS_PATH}?source=pager`;
      const body = new URLSearchParams(fields).toString();
      expect((await post(`${SMS_PATH}?source=pager`, body, signed(fields, url))).status).toBe(200);
      expect((await post(`${SMS_PATH}?source=other`, body, signed(fields, url))).status).toBe(401);
      expect(await published()).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    it('answers 415 for a content type other than a form', async () => {
      const fields = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK' });
      for (const path of [SMS_PATH, STATUS_PATH]) {
        const response = await post(path, JSON.stringify(fields), { ...signed(fields), 'content-type': 'application/json' });
        expect(response.status, path).toBe(415);
        expect(response.json().error).toContain('application/x-www-form-urlencoded');
      }
      expect(await published()).toEqual([]);
    });

    it('answers 400 naming each missing field of an incoming SMS', async () => {
      const answer = await sendTwilioForm(switchboard, SMS_PATH, { AccountSid: `AC${'0'.repeat(32)}`, ApiVersion: '2010-04-01' });
      expect(answer.status).toBe(400);
      const error = JSON.parse(answer.body) as { error: string; details: { path: string }[] };
      expect(error.error).toBe('invalid Twilio incoming message');
      expect(error.details.map((detail) => detail.path).sort()).toEqual(['Body', 'From', 'MessageSid', 'To']);
      expect(await published()).toEqual([]);
    });

    it('answers 400 naming each missing field of a status callback', async () => {
      const answer = await sendTwilioForm(switchboard, STATUS_PATH, { ErrorCode: 'x', ApiVersion: '2010-04-01' });
      expect(answer.status).toBe(400);
      const error = JSON.parse(answer.body) as { error: string; details: { path: string }[] };
      expect(error.error).toBe('invalid Twilio status callback');
      expect(error.details.map((detail) => detail.path).sort()).toEqual(['ErrorCode', 'MessageSid', 'MessageStatus', 'To']);
      expect(await published()).toEqual([]);
    });

    it('answers 400 for a sender that is not a phone number, without echoing it', async () => {
      const answer = await postInboundSms(switchboard, { from: 'Mallory <m@example.com>', body: 'ACK' });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('From');
      expect(answer.body).not.toContain('m@example.com');
      expect(await published()).toEqual([]);
    });

    it('never answers 5xx for correctly signed random and mutated forms', async () => {
      const random = seededRandom(20261123);
      const valid = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK 4821' });
      const bodies: string[] = [];
      for (let i = 0; i < 100; i += 1) bodies.push(randomText(random, Math.floor(random() * 400)));
      for (let i = 0; i < 150; i += 1) bodies.push(new URLSearchParams(mutate(valid, random)).toString());
      const statuses = new Set<number>();
      for (const [index, body] of bodies.entries()) {
        const answer = await sendTwilioForm(switchboard, index % 2 === 0 ? SMS_PATH : STATUS_PATH, body);
        statuses.add(answer.status);
        expect(answer.status, body.slice(0, 200)).toBeLessThan(500);
      }
      expect(statuses.has(400)).toBe(true);
      expect(statuses.has(200)).toBe(true);
      expect((await fetch(`${switchboard.url}/health`)).status).toBe(200);
    });
  });
});

describe('Twilio webhooks behind a public URL', () => {
  let switchboard: LocalSwitchboard;

  afterEach(async () => {
    await switchboard.dispose();
  });

  it('verifies the signature over PUBLIC_BASE_URL, not the address it was reached at', async () => {
    switchboard = await startLocalSwitchboard({
      clock: new ManualClock(NOW),
      env: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL: 'https://switchboard.example.com/' },
      options: { automations: [] },
    });
    const params = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK' });
    const body = new URLSearchParams(params).toString();
    const send = (signedFor: string) =>
      fetch(`${switchboard.url}${SMS_PATH}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TEST_TWILIO_AUTH_TOKEN, signedFor, params) },
      });

    expect((await send(`https://switchboard.example.com${SMS_PATH}`)).status).toBe(200);
    expect((await send(`${switchboard.url}${SMS_PATH}`)).status).toBe(401);
  });
});

describe('Twilio webhooks when Switchboard cannot verify or store them (503: Twilio retries)', () => {
  let switchboard: LocalSwitchboard;
  const log = createLogger({ level: 'SILENT', runtime: 'local' });
  const PUBLIC = 'https://switchboard.example.com';

  beforeAll(async () => {
    switchboard = await startLocalSwitchboard({ clock: new ManualClock(NOW), options: { automations: [] } });
  });
  afterAll(async () => {
    await switchboard.dispose();
  });

  /** Ingest over the runtime's table (or a missing one), with the secrets and public URL given. */
  async function ingestWith(options: { secrets: Secrets; publicBaseUrl: string | undefined; storeUnavailable?: boolean }) {
    const table = options.storeUnavailable ? SqliteTable.open(':memory:', switchboard.clock) : switchboard.platform.table;
    if (options.storeUnavailable) await table.close();
    const context: IngestContext = {
      clock: switchboard.clock,
      secrets: async () => options.secrets,
      publicBaseUrl: () => options.publicBaseUrl,
      intake: new LocalBus(table, [], async () => undefined, switchboard.clock, log, { retryDelaysMs: [], concurrency: 1 }),
      contactFormRules: async () => DEFAULT_CONTACT_FORM_RULES,
      formSubmissions: new FormSubmissions(table, switchboard.clock),
      log,
      runtime: 'local',
      version: 'test',
    };
    return createIngest(context);
  }

  function smsRequest() {
    const params = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK' });
    return {
      method: 'POST',
      path: SMS_PATH,
      query: new URLSearchParams(),
      rawQuery: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TEST_TWILIO_AUTH_TOKEN, `${PUBLIC}${SMS_PATH}`, params) },
      body: Buffer.from(new URLSearchParams(params).toString()),
    };
  }

  it('verifies the query string exactly as Twilio requested it, not re-encoded', async () => {
    const params = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, body: 'ACK' });
    const rawQuery = 'note=on%20call&x=%7E';
    const response = await (await ingestWith({ secrets: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN }, publicBaseUrl: PUBLIC }))({
      method: 'POST',
      path: SMS_PATH,
      query: new URLSearchParams(rawQuery),
      rawQuery,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TEST_TWILIO_AUTH_TOKEN, `${PUBLIC}${SMS_PATH}?${rawQuery}`, params) },
      body: Buffer.from(new URLSearchParams(params).toString()),
    });
    expect(response.status).toBe(200);
  });

  it('answers 503 when TWILIO_AUTH_TOKEN is not set', async () => {
    const response = await (await ingestWith({ secrets: {}, publicBaseUrl: PUBLIC }))(smsRequest());
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error).toBe('Twilio is not configured: TWILIO_AUTH_TOKEN is not set');
  });

  it('answers 503 when PUBLIC_BASE_URL is not known', async () => {
    const response = await (await ingestWith({ secrets: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN }, publicBaseUrl: undefined }))(smsRequest());
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error).toContain('PUBLIC_BASE_URL is not set');
  });

  it('verifies against PUBLIC_BASE_URL, with or without a trailing slash', async () => {
    const ingest = await ingestWith({ secrets: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN }, publicBaseUrl: `${PUBLIC}/` });
    const response = await ingest(smsRequest());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
  });

  it('answers 503, so Twilio retries, when the event cannot be stored', async () => {
    const ingest = await ingestWith({ secrets: { TWILIO_AUTH_TOKEN: TEST_TWILIO_AUTH_TOKEN }, publicBaseUrl: PUBLIC, storeUnavailable: true });
    const response = await ingest(smsRequest());
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
  });
});

/** Drops, empties or replaces fields at random: wrong SIDs, long, binary, percent-mangled values. */
function mutate(fields: Record<string, string>, random: () => number): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const roll = random();
    if (roll < 0.1) continue;
    if (roll < 0.15) result[name] = '';
    else if (roll < 0.2) result[name] = 'ü'.repeat(Math.floor(random() * 2000));
    else if (roll < 0.25) result[name] = randomText(random, 40);
    else if (roll < 0.28) result[name] = '%E0%A4%A';
    else result[name] = value;
  }
  if (random() < 0.3) result['MessageStatus'] = ['sent', 'delivered', 'failed', 'x y'][Math.floor(random() * 4)] as string;
  return result;
}
