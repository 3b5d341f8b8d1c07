import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../shared/log/logger';
import { ProviderError } from '../../../../shared/providers/provider-error';
import { createMessageArguments } from '../../../../shared/providers/sms/sms-arguments';
import { TwilioSmsSender } from '../../../../shared/providers/sms/twilio-sms-sender';
import { FakeTwilioApi, twilioAnswers } from '../../../support/fake-twilio-api';

const FROM = '+15555550100';
const TO = '+15555550101';
const STATUS_CALLBACK = 'https://switchboard.example.com/webhooks/twilio/status';
const PAGE = { to: TO, body: 'P0 for Acme: production down. Reply ACK 4821', statusCallback: STATUS_CALLBACK };

describe('the live SMS adapter (the twilio client against a fake Twilio API)', () => {
  let twilio: FakeTwilioApi;
  let sender: TwilioSmsSender;
  const log = createLogger({ level: 'SILENT', runtime: 'local' });

  beforeAll(async () => {
    twilio = await FakeTwilioApi.start();
  });
  afterAll(async () => {
    await twilio.close();
  });
  beforeEach(() => {
    twilio.reset();
    sender = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: twilio.url, log, timeoutMs: 2_000 });
  });

  it('creates the message in the account, authenticated with the account SID and auth token', async () => {
    const sent = await sender.send(PAGE);

    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe('queued');
    expect(twilio.messages).toHaveLength(1);
    expect(twilio.messages[0]).toMatchObject({
      accountSid: twilio.accountSid,
      username: twilio.accountSid,
      password: twilio.authToken,
      to: TO,
      from: FROM,
      body: PAGE.body,
      statusCallback: STATUS_CALLBACK,
    });
    expect(twilio.succeeded()).toHaveLength(1);
    expect((twilio.messages[0]?.answer.body as { sid: string }).sid).toBe(sent.sid);
  });

  it('sends exactly the parameters the dry-run adapter records', async () => {
    await sender.send(PAGE);
    expect(twilio.messages[0]?.params).toEqual(createMessageArguments(FROM, PAGE));
    expect(twilio.messages[0]?.params).toEqual({ To: TO, From: FROM, Body: PAGE.body, StatusCallback: STATUS_CALLBACK });
  });

  it('sends no StatusCallback when it has none', async () => {
    await sender.send({ to: TO, body: 'hello' });
    expect(twilio.messages[0]?.params).toEqual({ To: TO, From: FROM, Body: 'hello' });
  });

  it('retries a 429, then delivers once', async () => {
    twilio.script(twilioAnswers.rateLimited(), twilioAnswers.rateLimited());
    const sent = await sender.send(PAGE);
    expect(sent.status).toBe('queued');
    expect(twilio.messages.map((call) => call.answer.status)).toEqual([429, 429, 201]);
    expect(twilio.succeeded()).toHaveLength(1);
  });

  it('reports a 429 that outlasts the retries as a transient failure', async () => {
    twilio.script(twilioAnswers.rateLimited(), twilioAnswers.rateLimited(), twilioAnswers.rateLimited());
    const error = await sender.send(PAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'twilio', operation: 'messages.create', transient: true, status: 429, code: '20429' });
    expect(twilio.messages).toHaveLength(3);
  });

  it('does not retry when told not to', async () => {
    const once = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: twilio.url, log, maxRetries: 0 });
    twilio.script(twilioAnswers.rateLimited());
    await expect(once.send(PAGE)).rejects.toMatchObject({ transient: true, status: 429 });
    expect(twilio.messages).toHaveLength(1);
  });

  it.each([500, 502, 503])('reports a %s as a transient failure, without retrying it (the run is retried)', async (status) => {
    twilio.script(twilioAnswers.serverError(status));
    const error = await sender.send(PAGE).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', transient: true, status, code: '20500' });
    expect(twilio.messages).toHaveLength(1);
  });

  it('reports an invalid To number as a permanent failure with its Twilio code, without the number', async () => {
    twilio.script(twilioAnswers.invalidToNumber(TO));
    const error = (await sender.send(PAGE).catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'twilio', transient: false, status: 400, code: '21211' });
    expect(error.message).toBe('twilio messages.create failed: HTTP 400 (Twilio error 21211)');
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain(TO.slice(1));
  });

  it('reports wrong credentials as a permanent failure (code 20003)', async () => {
    const wrong = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: 'not-the-token', from: FROM, apiUrl: twilio.url, log });
    await expect(wrong.send(PAGE)).rejects.toMatchObject({ transient: false, status: 401, code: '20003' });
    expect(twilio.messages[0]?.password).toBe('not-the-token');
  });

  it('fails transiently when Twilio cannot be reached', async () => {
    const unreachable = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: 'http://127.0.0.1:9', log, timeoutMs: 500 });
    const error = (await unreachable.send(PAGE).catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ name: 'ProviderError', transient: true });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeUndefined();
  });

  it('fails transiently when Twilio does not answer in time', async () => {
    const impatient = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: FROM, apiUrl: twilio.url, log, timeoutMs: 200 });
    twilio.hold();
    try {
      const error = (await impatient.send(PAGE).catch((e: unknown) => e)) as ProviderError;
      expect(error).toMatchObject({ name: 'ProviderError', transient: true });
      expect(error.message).toContain('ECONNABORTED');
      expect(twilio.held).toBe(1);
    } finally {
      twilio.resume();
    }
  });

  describe('finding a message it sent (crash reconciliation)', () => {
    const SINCE = new Date(Date.now() - 60_000);

    it('finds a message Twilio accepted but has not sent yet, by recipient and text, through the message list', async () => {
      const sent = await sender.send(PAGE);

      expect(await sender.findSent({ to: TO, body: PAGE.body, since: SINCE })).toEqual([sent]);
      expect(twilio.lists[0]?.query).toEqual({ To: TO, From: FROM, PageSize: '50' });
    });

    it('finds nothing to another number, with another text, or before the window', async () => {
      await sender.send(PAGE);
      await sender.send({ to: '+15555550102', body: 'P0 for Globex. Reply ACK 7777' });

      expect(await sender.findSent({ to: '+15555550102', body: PAGE.body, since: SINCE })).toEqual([]);
      expect(await sender.findSent({ to: TO, body: `${PAGE.body}!`, since: SINCE })).toEqual([]);
      expect(await sender.findSent({ to: TO, body: PAGE.body, since: new Date(Date.now() + 60_000) })).toEqual([]);
    });

    it("follows Twilio's paging to older messages", async () => {
      const target = await sender.send(PAGE);
      for (let i = 0; i < 55; i += 1) await sender.send({ to: TO, body: `noise ${i}` });

      expect(await sender.findSent({ to: TO, body: PAGE.body, since: SINCE })).toEqual([target]);
      expect(twilio.lists).toHaveLength(2);
      expect(twilio.lists[1]?.query).toMatchObject({ Page: '1', PageToken: expect.stringMatching(/^PA/) });
    });

    it('reports a 5xx of the list as a transient failure', async () => {
      const impatient = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: 'wrong', from: FROM, apiUrl: twilio.url, log, timeoutMs: 2_000 });
      const failure = await impatient.findSent({ to: TO, body: PAGE.body, since: SINCE }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ name: 'ProviderError', operation: 'messages.list', transient: false, status: 401 });
    });
  });

  it('reports itself as live', () => {
    expect(sender.mode).toBe('live');
  });
});
