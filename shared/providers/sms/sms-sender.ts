/** An SMS to send. Phone numbers are personal data: never log them. */
export interface SmsMessage {
  /** E.164, e.g. +15555550101. */
  to: string;
  body: string;
  /** Where the provider posts delivery status (SPEC §2: /webhooks/twilio/status), when known. */
  statusCallback?: string;
}

/** A message the provider holds for us. */
export interface SentSms {
  sid: string;
  status: string;
}

/** Which of our messages to look for: to whom, with exactly which text, sent since when. */
export interface SentSmsQuery {
  to: string;
  body: string;
  since: Date;
}

/**
 * The SMS port: live through the official `twilio` client, or dry-run into the outbox. Failures are
 * `ProviderError`s (429/5xx/timeouts transient, other 4xx permanent).
 */
export interface SmsSender {
  readonly mode: 'live' | 'dry-run';
  send(message: SmsMessage): Promise<SentSms>;
  /**
   * The messages we sent to `to` with exactly `body` since `since`, newest first (live: Twilio's message
   * list): how a page whose sending a crash interrupted is found instead of sent twice.
   */
  findSent(query: SentSmsQuery): Promise<SentSms[]>;
}
