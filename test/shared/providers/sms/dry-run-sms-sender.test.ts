import { beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../shared/providers/outbox';
import { DryRunSmsSender } from '../../../../shared/providers/sms/dry-run-sms-sender';
import { createMessageArguments } from '../../../../shared/providers/sms/sms-arguments';
import { UnconfiguredSmsSender } from '../../../../shared/providers/sms/unconfigured-sms-sender';
import { ManualClock } from '../../../support/manual-clock';
import { createTestTable } from '../../../support/test-table';

const NOW = '2026-11-23T04:00:00.000Z';
const FROM = '+15555550100';
const PAGE = { to: '+15555550101', body: 'P0 for Acme: production down. Reply ACK 4821', statusCallback: 'https://switchboard.example.com/webhooks/twilio/status' };

describe('dry-run SMS sender', () => {
  let outbox: Outbox;
  let sms: DryRunSmsSender;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    outbox = new Outbox(await createTestTable(clock), clock);
    sms = new DryRunSmsSender(outbox, FROM);
  });

  it('says it is in dry-run', () => {
    expect(sms.mode).toBe('dry-run');
  });

  it('records exactly the Create Message parameters the live client sends', async () => {
    await sms.send(PAGE);

    const [entry] = await outbox.list();
    expect(entry).toMatchObject({ provider: 'twilio', operation: 'messages.create', recordedAt: NOW });
    expect(entry?.request).toEqual(createMessageArguments(FROM, PAGE));
    expect(entry?.request).toEqual({ To: PAGE.to, From: FROM, Body: PAGE.body, StatusCallback: PAGE.statusCallback });
  });

  it('records no StatusCallback when there is none', async () => {
    await sms.send({ to: PAGE.to, body: 'hello' });
    const [entry] = await outbox.list();
    expect(entry?.request).toEqual({ To: PAGE.to, From: FROM, Body: 'hello' });
  });

  it('answers like Twilio: a new message SID, queued', async () => {
    const first = await sms.send(PAGE);
    const second = await sms.send(PAGE);
    expect(first).toEqual({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    expect(second.sid).not.toBe(first.sid);
    expect(await outbox.list()).toHaveLength(2);
  });

  it('finds what it recorded, newest first, by recipient and exact text since an instant', async () => {
    const first = await sms.send(PAGE);
    clock.advance(1_000);
    const second = await sms.send(PAGE);
    await sms.send({ to: '+15555550102', body: PAGE.body });
    await sms.send({ to: PAGE.to, body: 'another text' });

    const since = new Date(new Date(NOW).getTime() - 60_000);
    expect(await sms.findSent({ to: PAGE.to, body: PAGE.body, since })).toEqual([second, first]);
    expect(await sms.findSent({ to: PAGE.to, body: 'not sent', since })).toEqual([]);
    expect(await sms.findSent({ to: PAGE.to, body: PAGE.body, since: new Date(clock.now().getTime() + 1) })).toEqual([]);
  });

  it('says which number it would send from when TWILIO_FROM_NUMBER is not set', async () => {
    await new DryRunSmsSender(outbox).send(PAGE);
    const [entry] = await outbox.list();
    expect(entry?.request['From']).toBe('(TWILIO_FROM_NUMBER)');
  });
});

describe('unconfigured SMS sender', () => {
  it('fails every send permanently, naming what to set', async () => {
    await expect(new UnconfiguredSmsSender().send(PAGE)).rejects.toMatchObject({
      name: 'ProviderError',
      provider: 'twilio',
      operation: 'messages.create',
      transient: false,
      message: 'twilio messages.create failed: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER are not set in the Switchboard secret',
    });
    await expect(new UnconfiguredSmsSender(['TWILIO_FROM_NUMBER']).send(PAGE)).rejects.toThrow('TWILIO_FROM_NUMBER is not set in the Switchboard secret');
  });

  it('says it is live, as on AWS', () => {
    expect(new UnconfiguredSmsSender().mode).toBe('live');
  });
});
