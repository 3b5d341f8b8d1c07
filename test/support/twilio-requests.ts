import { readFileSync } from 'node:fs';
import { sendSignedTwilioRequest } from '../../infra/cli/scenarios/send-signed-twilio-request';
import { newTwilioSid, twilioSmsParams, twilioStatusParams, type TwilioSmsParamsInput } from '../../infra/cli/scenarios/twilio-sms-params';
import type { LocalSwitchboard } from './local-switchboard';

/** The auth token tests give the runtime (`env: { TWILIO_AUTH_TOKEN }`) and sign with. */
export const TEST_TWILIO_AUTH_TOKEN = 'test-twilio-auth-token-0123456789';

/** Our Twilio number in the tests; the chain's first person is the example config's. */
export const SWITCHBOARD_NUMBER = '+15555550100';
export const FIRST_ON_CHAIN = '+15555550101';

/** Twilio's documented webhook fields, as fixtures. */
export function twilioFixture(name: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../fixtures/twilio/${name}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

/**
 * Sends an incoming SMS as Twilio would: every documented field, signed with the runtime's auth token over
 * its public URL. `idempotencyToken: null` sends none; reuse one to simulate Twilio's retry.
 */
export async function postInboundSms(
  switchboard: LocalSwitchboard,
  input: Partial<TwilioSmsParamsInput> & { body: string; idempotencyToken?: string | null },
): Promise<{ status: number; contentType: string | null; body: string; messageSid: string }> {
  const messageSid = input.messageSid ?? newTwilioSid('SM');
  const params = twilioSmsParams({ from: FIRST_ON_CHAIN, to: SWITCHBOARD_NUMBER, ...input, messageSid });
  const answer = await sendTwilioForm(switchboard, '/webhooks/twilio/sms', params, input.idempotencyToken);
  return { ...answer, messageSid };
}

/** Any form (or raw form body) to a Twilio endpoint of the runtime, correctly signed. */
export async function sendTwilioForm(
  switchboard: LocalSwitchboard,
  path: string,
  params: Record<string, string> | string,
  idempotencyToken?: string | null,
): Promise<{ status: number; contentType: string | null; body: string }> {
  const authToken = switchboard.secrets.TWILIO_AUTH_TOKEN;
  if (authToken === undefined) throw new Error('the runtime has no TWILIO_AUTH_TOKEN');
  return sendSignedTwilioRequest({
    url: `${switchboard.url}${path}`,
    params,
    authToken,
    ...(switchboard.settings.publicBaseUrl === undefined ? {} : { signedUrl: `${switchboard.settings.publicBaseUrl.replace(/\/$/, '')}${path}` }),
    ...(idempotencyToken === undefined ? {} : { idempotencyToken }),
  });
}

/** Twilio's status callback for a message we sent (fields as Twilio documents them). */
export async function postTwilioStatus(
  switchboard: LocalSwitchboard,
  input: { messageSid: string; status: string; to?: string; errorCode?: string; idempotencyToken?: string | null },
): Promise<{ status: number; contentType: string | null; body: string }> {
  const params = twilioStatusParams({
    messageSid: input.messageSid,
    status: input.status,
    to: input.to ?? FIRST_ON_CHAIN,
    from: SWITCHBOARD_NUMBER,
    ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
  });
  return sendTwilioForm(switchboard, '/webhooks/twilio/status', params, input.idempotencyToken);
}
