import type { Config } from '../../../../shared/config/config-schema';
import { CliError } from '../../cli-error';
import type { Target } from '../../../admin/target';
import { baseUrlOf, serverTime } from './simulation';

/** What every simulated Slack request needs: where to send it, the server's clock, the secret that signs it, and the configuration in force. */
export interface SlackSimulation {
  baseUrl: string;
  serverNow: Date;
  signingSecret: string;
  config: Config;
}

/** Finds the Switchboard to send to, its clock and the signing secret, or says what is missing. */
export async function prepareSlackSimulation(target: Target, url: string | undefined): Promise<SlackSimulation> {
  const baseUrl = await baseUrlOf(target, url);
  const serverNow = await serverTime(baseUrl);
  const { SLACK_SIGNING_SECRET: signingSecret } = await target.secrets();
  if (signingSecret === undefined) throw new CliError('no SLACK_SIGNING_SECRET to sign with: set it, or start the local runtime once to generate one');
  const { config } = await target.configs.current();
  return { baseUrl, serverNow, signingSecret, config };
}

/** `--channel`, else the first designated customer channel. */
export function customerChannelOf(config: Config, channel: string | undefined): string {
  const chosen = channel ?? config.afterHours.customerChannels[0]?.id;
  if (chosen === undefined) throw new CliError('no designated customer channel: pass --channel or run `switchboard channels add`');
  return chosen;
}
