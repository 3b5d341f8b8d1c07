import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { Logger } from '../../log/logger';
import { ProviderError } from '../provider-error';
import { createMessageArguments } from './sms-arguments';
import type { SentSms, SentSmsQuery, SmsMessage, SmsSender } from './sms-sender';

export interface TwilioSmsOptions {
  /** `TWILIO_ACCOUNT_SID` (AC…): the client refuses any other kind of SID. */
  accountSid: string;
  /** `TWILIO_AUTH_TOKEN`. */
  authToken: string;
  /** `TWILIO_FROM_NUMBER`: the number (or short code) the pages come from. */
  from: string;
  /** `TWILIO_API_URL`: replaces https://api.twilio.com (a fake server in tests). */
  apiUrl?: string | undefined;
  log: Logger;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Retries of a 429, with the client's exponential backoff (default 2; 0 turns them off). */
  maxRetries?: number;
}

const OPERATION = 'messages.create';
/** Messages of ours to one number looked at, newest first: far more than the pages of one night. */
const LOOK_UP_LIMIT = 100;

/**
 * Sends SMS through the official `twilio` client. A 429 is retried by the client itself (`autoRetry`);
 * what fails after that is a ProviderError: 429, 5xx and network failures transient, other 4xx permanent
 * with Twilio's error code (21211: the To number is not valid).
 *
 * Errors never carry Twilio's own message or the client's error as their cause: those hold the phone
 * number (21211 names it) and the request body, and a logged error is logged with its cause.
 *
 * @example
 * const sms = new TwilioSmsSender({ accountSid, authToken, from: secrets.TWILIO_FROM_NUMBER, apiUrl: settings.apiUrls.twilio, log });
 * const { sid } = await sms.send({ to: '+15555550101', body: 'P0 for Acme. Reply ACK 4821', statusCallback });
 */
export class TwilioSmsSender implements SmsSender {
  readonly mode = 'live';
  private readonly client: twilio.Twilio;
  private readonly from: string;
  private readonly log: Logger;

  constructor(options: TwilioSmsOptions) {
    this.from = options.from;
    this.log = options.log;
    const maxRetries = options.maxRetries ?? 2;
    const clientOptions: RequestClient.RequestClientOptions = {
      timeout: options.timeoutMs ?? 10_000,
      // The client reads 0 as "the default" (3), so no retries means no autoRetry.
      autoRetry: maxRetries > 0,
      maxRetries: Math.max(1, maxRetries),
    };
    const httpClient =
      options.apiUrl === undefined ? new twilio.RequestClient(clientOptions) : new BaseUrlRequestClient(options.apiUrl, clientOptions);
    this.client = new twilio.Twilio(options.accountSid, options.authToken, { httpClient });
  }

  async send(message: SmsMessage): Promise<SentSms> {
    const args = createMessageArguments(this.from, message);
    try {
      const created = await this.client.messages.create({
        to: args.To,
        from: args.From,
        body: args.Body,
        ...(args.StatusCallback === undefined ? {} : { statusCallback: args.StatusCallback }),
      });
      return { sid: created.sid, status: created.status };
    } catch (error) {
      const failure = toProviderError(error);
      this.log.warn('Twilio call failed', { operation: OPERATION, transient: failure.transient, status: failure.status, code: failure.code });
      throw failure;
    }
  }

  /**
   * Twilio's message list (`GET …/Messages.json`) filtered by recipient and our number, newest first; the
   * window and the text are compared here. Not with `DateSent>`: a message Twilio accepted but has not
   * sent yet has no DateSent, and it is exactly the one a crash right after sending leaves behind.
   */
  async findSent(query: SentSmsQuery): Promise<SentSms[]> {
    try {
      const messages = await this.client.messages.list({ to: query.to, from: this.from, pageSize: 50, limit: LOOK_UP_LIMIT });
      return messages
        .filter((message) => message.body === query.body && message.dateCreated !== null && message.dateCreated.getTime() >= query.since.getTime())
        .map((message) => ({ sid: message.sid, status: message.status }));
    } catch (error) {
      const failure = toProviderError(error, 'messages.list');
      this.log.warn('Twilio call failed', { operation: 'messages.list', transient: failure.transient, status: failure.status, code: failure.code });
      throw failure;
    }
  }
}

/**
 * Twilio's HTTP client with another origin in place of https://api.twilio.com, through the client's
 * documented `httpClient` option: every request keeps its path and query.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, options: RequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.baseUrl}${uri.pathname}${uri.search}` });
  }
}

function toProviderError(error: unknown, operation = OPERATION): ProviderError {
  // RestException, or TwilioServiceException for APIs answering RFC 9457 problems: both carry the status.
  const status = (error as { status?: unknown } | undefined)?.status;
  if (error instanceof Error && typeof status === 'number' && !isAxiosError(error)) {
    const twilioCode = (error as { code?: unknown }).code;
    const code = typeof twilioCode === 'number' || typeof twilioCode === 'string' ? String(twilioCode) : undefined;
    const transient = status === 429 || status >= 500;
    return new ProviderError('twilio', operation, transient, `HTTP ${status}${code === undefined ? '' : ` (Twilio error ${code})`}`, {
      status,
      ...(code === undefined ? {} : { code }),
    });
  }
  if (isAxiosError(error)) {
    // No answer: refused, reset, timed out (ECONNABORTED), DNS.
    const code = (error as { code?: unknown }).code;
    return new ProviderError('twilio', operation, true, `request failed: ${typeof code === 'string' ? code : 'network error'}`);
  }
  // Anything else (an answer that is not JSON, a bad argument) may follow a message Twilio accepted:
  // retrying could send it twice. Its message may quote the body, so only its name is kept.
  return new ProviderError('twilio', operation, false, `unexpected ${error instanceof Error ? error.name : typeof error}`);
}

/** Errors of the client's HTTP layer (axios, a dependency of `twilio`, not ours to import). */
function isAxiosError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}
