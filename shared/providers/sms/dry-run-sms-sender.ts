import { randomBytes } from 'node:crypto';
import type { Outbox } from '../outbox';
import { createMessageArguments } from './sms-arguments';
import type { SmsMessage, SmsSender } from './sms-sender';

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

  async send(message: SmsMessage): Promise<{ sid: string; status: string }> {
    await this.outbox.record('twilio', 'messages.create', { ...createMessageArguments(this.from, message) });
    return { sid: `SM${randomBytes(16).toString('hex')}`, status: 'queued' };
  }
}
