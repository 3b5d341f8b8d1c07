import type { SecretName } from '../../shared/settings/secrets';
import type { ClockStatus } from './banner-clock';
import type { StoreLocation } from './local-store';

export interface BannerInput {
  url: string;
  /** The URL providers post to and sign (PUBLIC_BASE_URL), when it is not `url`. */
  publicBaseUrl: string;
  endpoints: readonly string[];
  providers: readonly { name: string; mode: 'live' | 'dry-run'; enableWith: string }[];
  dataDir: string;
  /** Where the state is, with the SQLite file shown as the person would type it. */
  store: StoreLocation;
  configVersion: number;
  appliedConfigFrom: string | undefined;
  clock: ClockStatus;
  generatedSecrets: readonly SecretName[];
  recoveredEvents: number;
}

/** The start-up banner: where to send webhooks, what is live, where data lives, and what to try next. */
export function startBanner(input: BannerInput): string {
  const row = (label: string, value: string) => `  ${label.padEnd(12)}${value}`;
  const lines = [
    '',
    `Switchboard is running locally at ${input.url}`,
    '',
    row('Endpoints', input.endpoints[0] ?? ''),
    ...input.endpoints.slice(1).map((endpoint) => row('', endpoint)),
    ...(input.publicBaseUrl === input.url ? [] : [row('Public URL', `${input.publicBaseUrl} (PUBLIC_BASE_URL: what Twilio posts to and signs)`)]),
    ...input.providers.map((p, index) =>
      row(index === 0 ? 'Providers' : '', p.mode === 'live' ? `${p.name}: live` : `${p.name}: dry-run (set ${p.enableWith} to go live)`),
    ),
    row('Data', input.store.kind === 'sqlite' ? `${input.store.file} (SQLite)` : `DynamoDB table ${input.store.tableName} at ${input.store.endpoint}`),
    row('Config', input.appliedConfigFrom === undefined ? `v${input.configVersion}` : `v${input.configVersion}, applied from ${input.appliedConfigFrom} on this first start`),
    row('Clock', input.clock.fixedStart === undefined ? 'system time' : `started at ${input.clock.fixedStart} (SWITCHBOARD_NOW)`),
    row('', input.clock.open ? `${input.clock.now}: business hours, until ${input.clock.changesAt}` : `${input.clock.now}: after hours, until ${input.clock.changesAt}`),
    ...(input.generatedSecrets.length === 0
      ? []
      : [row('Secrets', `local ${input.generatedSecrets.join(', ')} kept in ${input.dataDir}/secrets.json`)]),
    ...(input.recoveredEvents === 0 ? [] : [row('Recovered', `${input.recoveredEvents} events accepted before the last stop`)]),
    '',
    'Try next (in another terminal):',
    ...tryNext(input.clock),
    '',
  ];
  return lines.join('\n');
}

/** What to try, a command and what it shows per line; the first is a customer writing after hours: now when it is, otherwise at a time that is. */
function tryNext(clock: ClockStatus): string[] {
  const afterHours: [string, string][] = clock.open
    ? [
        [`npx switchboard simulate slack-message --at ${clock.afterHoursExample.at}`, 'a customer writes after closing (now, in business hours, the team answers)'],
        [`SWITCHBOARD_NOW=${clock.afterHoursExample.instant} npm start`, 'or run the whole engine after closing'],
      ]
    : [['npx switchboard simulate slack-message', 'a customer writes in a shared channel now, after hours']];
  const tries: [string, string][] = [
    ...afterHours,
    ['npx switchboard runs list', 'what the automations did, and why'],
    ['npx switchboard outbox list', 'what dry-run Slack, Twilio and GitHub would have sent'],
    ['npx switchboard incidents open --customer "Acme Corp"', 'page the on-call chain'],
    ['npx switchboard simulate sms-reply --body ACK', 'the first person acknowledges by SMS'],
    ['npx switchboard simulate job-application', 'an application from the website becomes an Unthread conversation'],
    ['npx switchboard simulate github-comment', 'a community member answers on an issue with a "+" label'],
  ];
  const width = Math.max(...tries.map(([command]) => command.length)) + 3;
  return tries.map(([command, what]) => `  ${command.padEnd(width)}${what}`);
}
