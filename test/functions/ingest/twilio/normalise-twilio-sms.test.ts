import { describe, expect, it } from 'vitest';
import { normaliseTwilioSms } from '../../../../functions/ingest/twilio/normalise-twilio-sms';
import { inboundSmsSchema } from '../../../../functions/ingest/twilio/twilio-payloads';
import { twilioFixture } from '../../../support/twilio-requests';

const RECEIVED = new Date('2026-11-23T04:05:00Z');

function normalise(fields: Record<string, string>) {
  return normaliseTwilioSms(inboundSmsSchema.parse(fields), RECEIVED);
}

describe('normalising an incoming SMS', () => {
  it('keeps who wrote, to which number, and what, with the MessageSid as the event id', () => {
    expect(normalise(twilioFixture('inbound-sms'))).toEqual({
      detailType: 'sms.received',
      detail: {
        eventId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        receivedAt: RECEIVED.toISOString(),
        provider: 'twilio',
        messageSid: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        from: '+15555550101',
        to: '+15555550100',
        body: 'ACK 4821',
      },
    });
  });

  it('drops the geography and the other fields Twilio adds', () => {
    const detail = normalise({ ...twilioFixture('inbound-sms'), MessagingServiceSid: 'MG0123', NewField: 'x' }).detail;
    expect(Object.keys(detail).sort()).toEqual(['body', 'eventId', 'from', 'messageSid', 'provider', 'receivedAt', 'to']);
  });

  it('accepts an empty body (a picture alone) and a message from a short code', () => {
    const detail = normalise({ ...twilioFixture('inbound-sms'), Body: '', NumMedia: '1', From: '89361' }).detail;
    expect(detail).toMatchObject({ body: '', from: '89361' });
  });

  it('cuts the body at 1600 characters, the longest SMS Twilio delivers', () => {
    expect(normalise({ ...twilioFixture('inbound-sms'), Body: 'x'.repeat(5000) }).detail.body).toHaveLength(1600);
  });

  it.each([
    ['MessageSid', { MessageSid: 'CA1234567890ABCDE' }],
    ['From', { From: 'Alice <alice@example.com>' }],
    ['From', { From: '555-0100' }],
    ['To', { To: '' }],
    ['Body', { Body: undefined }],
  ])('refuses a message whose %s is missing or not what Twilio sends', (field, overrides) => {
    const fields = Object.fromEntries(Object.entries({ ...twilioFixture('inbound-sms'), ...overrides }).filter(([, v]) => v !== undefined));
    const parsed = inboundSmsSchema.safeParse(fields);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
