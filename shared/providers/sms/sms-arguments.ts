import type { SmsMessage } from './sms-sender';

/** Twilio's Create a Message parameters, named as its REST API receives them (form fields). */
export interface CreateMessageArguments {
  To: string;
  From: string;
  Body: string;
  StatusCallback?: string;
}

/**
 * The parameters of `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, built in one place so the
 * dry-run outbox records exactly what the live client sends.
 */
export function createMessageArguments(from: string, message: SmsMessage): CreateMessageArguments {
  return {
    To: message.to,
    From: from,
    Body: message.body,
    ...(message.statusCallback === undefined ? {} : { StatusCallback: message.statusCallback }),
  };
}
