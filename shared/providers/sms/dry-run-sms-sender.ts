import { randomBytes } from 'node:crypto';
import type { Outbox } from '../outbox';
import { createMessageArguments } from './sms-arguments';
import type { SentSms, SentSmsQuery, SmsMessage, SmsSender } from './sms-sender';

/**
 * SMS without Twilio: records the exact Create Message parameters (as the live adapter sends them) in the
 * outbox, and answers like Twilio does: a new message SID, queued.
 */
export class DryRunSmsSender implements SmsSender {
  readonly mode = 'dry-run';

  /** `from` is TWILIO_FROM_NUMBER; locally it may be unset, and the record then says so. */
  constructor(
    private readonly outbox: Outbox,
    private readonly from: string = '(TWILIO_FROM_NUMBER)',
  ) {}

  async send(message: SmsMessage): Promise<SentSms> {
    const sent = { sid: `SM${randomBytes(16).toString('hex')}`, status: 'queued' };
    await this.outbox.record('twilio', 'messages.create', { ...createMessageArguments(this.from, message) }, sent);
    return sent;
  }

  /** The outbox is this adapter's Twilio: what it recorded before a crash is found there, newest first. */
  async findSent(query: SentSmsQuery): Promise<SentSms[]> {
    const recorded = await this.outbox.recordedSince('twilio', 'messages.create', query.since);
    return recorded
      .filter(({ request, answer }) => request['To'] === query.to && request['Body'] === query.body && typeof answer?.['sid'] === 'string')
      .reverse()
      .map(({ answer }) => ({ sid: String(answer?.['sid']), status: String(answer?.['status'] ?? 'queued') }));
  }
}
