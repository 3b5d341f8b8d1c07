import { ProviderError } from '../provider-error';
import type { SmsMessage, SmsSender } from './sms-sender';

export type TwilioCredentialName = 'TWILIO_ACCOUNT_SID' | 'TWILIO_AUTH_TOKEN' | 'TWILIO_FROM_NUMBER';

/**
 * On AWS providers are live; without Twilio's credentials they cannot be. Each send then fails
 * permanently with a message that says what to set, so the run shows it (and a replay works once it is).
 */
export class UnconfiguredSmsSender implements SmsSender {
  readonly mode = 'live';

  constructor(private readonly missing: readonly TwilioCredentialName[] = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER']) {}

  async send(_message: SmsMessage): Promise<never> {
    throw this.refusal('messages.create');
  }

  async findSent(): Promise<never> {
    throw this.refusal('messages.list');
  }

  private refusal(operation: string): ProviderError {
    const names = this.missing.length === 0 ? 'the Twilio credentials' : this.missing.join(', ');
    const verb = this.missing.length === 1 ? 'is' : 'are';
    return new ProviderError('twilio', operation, false, `${names} ${verb} not set in the Switchboard secret`);
  }
}
