import { describe, expect, it } from 'vitest';
import { normaliseTwilioStatus } from '../../../../functions/ingest/twilio/normalise-twilio-status';
import { statusCallbackSchema } from '../../../../functions/ingest/twilio/twilio-payloads';
import { twilioFixture } from '../../../support/twilio-requests';

const RECEIVED = new Date('2026-11-23T04:06:00Z');

function normalise(fields: Record<string, string>) {
  return normaliseTwilioStatus(statusCallbackSchema.parse(fields), RECEIVED);
}

function withoutErrorCode(fields: Record<string, string>): Record<string, string> {
  const { ErrorCode, ...rest } = fields;
  return rest;
}

describe('normalising a message status callback', () => {
  it('keeps the message, its status, the recipient and the error code', () => {
    expect(normalise(twilioFixture('status-callback-undelivered'))).toEqual({
      detailType: 'sms.status',
      detail: {
        eventId: 'SM5c4fd0b6d54e4a4e8a1f1b7ea2c1f8a0:undelivered',
        receivedAt: RECEIVED.toISOString(),
        provider: 'twilio',
        messageSid: 'SM5c4fd0b6d54e4a4e8a1f1b7ea2c1f8a0',
        status: 'undelivered',
        to: '+15555550101',
        errorCode: '30003',
      },
    });
  });

  it('gives each status of one message its own event id', () => {
    const fixture = twilioFixture('status-callback-undelivered');
    const sent = { ...withoutErrorCode(fixture), MessageStatus: 'sent', SmsStatus: 'sent' };
    const ids = [normalise(sent), normalise({ ...sent, MessageStatus: 'delivered' }), normalise(fixture)].map((e) => e.detail.eventId);
    expect(new Set(ids).size).toBe(3);
  });

  it('leaves out an absent or empty error code', () => {
    const delivered = { ...withoutErrorCode(twilioFixture('status-callback-undelivered')), MessageStatus: 'delivered' };
    expect(normalise(delivered).detail).not.toHaveProperty('errorCode');
    expect(normalise({ ...delivered, ErrorCode: '' }).detail).not.toHaveProperty('errorCode');
  });

  it.each([
    ['MessageSid', { MessageSid: '' }],
    ['MessageStatus', { MessageStatus: 'Delivered!' }],
    ['To', { To: 'someone' }],
    ['ErrorCode', { ErrorCode: 'oops' }],
  ])('refuses a callback whose %s is not what Twilio sends', (field, overrides) => {
    const parsed = statusCallbackSchema.safeParse({ ...twilioFixture('status-callback-undelivered'), ...overrides });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
