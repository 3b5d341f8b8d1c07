/** An SMS to send. Phone numbers are personal data: never log them. */
export interface SmsMessage {
  /** E.164, e.g. +15555550101. */
  to: string;
  body: string;
  /** Where the provider posts delivery status (SPEC §2: /webhooks/twilio/status), when known. */
  statusCallback?: string;
}

/**
 * The SMS port: live through the official `twilio` client, or dry-run into the outbox. Failures are
 * `ProviderError`s (429/5xx/timeouts transient, other 4xx permanent).
 */
export interface SmsSender {
  readonly mode: 'live' | 'dry-run';
  send(message: SmsMessage): Promise<{ sid: string; status: string }>;
}
