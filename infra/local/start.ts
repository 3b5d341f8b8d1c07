import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { routes } from '../../functions/ingest/routes';
import { ConfigError } from '../../shared/config/validate-config';
import { ServiceAccountKeyError } from '../../shared/providers/google-sheets/service-account-key';
import { SettingsError } from '../../shared/settings/read-env';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import { startBanner } from './banner';
import { clockStatus } from './banner-clock';
import { PortInUseError } from './http-server';
import { startLocalRuntime, type LocalRuntime } from './local-runtime';
import { AlreadyRunningError } from './runtime-file';

// Node 20 is this project's local runtime on purpose (Lambda runs 22); the SDK's notice about it is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
if (existsSync('.env')) process.loadEnvFile('.env');

let runtime: LocalRuntime;
try {
  runtime = await startLocalRuntime();
} catch (error) {
  // What a person can fix gets one line that says how; anything else keeps its stack.
  if (error instanceof AlreadyRunningError || error instanceof PortInUseError || error instanceof SettingsError || error instanceof ConfigError || error instanceof ServiceAccountKeyError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

process.stdout.write(
  `${startBanner({
    url: runtime.url,
    publicBaseUrl: runtime.platform.publicBaseUrl ?? runtime.url,
    endpoints: Object.entries(routes).map(([path, endpoint]) => `${endpoint.method.padEnd(5)}${runtime.url}${path}`),
    providers: [
      { name: 'Slack', mode: runtime.platform.slack.mode, enableWith: 'SLACK_BOT_TOKEN' },
      { name: 'Twilio', mode: runtime.platform.sms.mode, enableWith: 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER' },
      { name: 'Unthread', mode: runtime.platform.unthread.mode, enableWith: 'UNTHREAD_API_KEY' },
      { name: 'Google Sheets', mode: runtime.platform.sheets.mode, enableWith: 'GOOGLE_SERVICE_ACCOUNT_JSON' },
      { name: 'GitHub', mode: runtime.platform.github.mode, enableWith: 'GITHUB_TOKEN, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY' },
      { name: 'Salesforce', mode: runtime.platform.salesforce.mode, enableWith: 'SALESFORCE_LOGIN_URL, SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET' },
    ],
    dataDir: displayPath(runtime.dataDir),
    store: runtime.store.kind === 'sqlite' ? { kind: 'sqlite', file: displayPath(runtime.store.file) } : runtime.store,
    configVersion: runtime.config.version,
    appliedConfigFrom: runtime.appliedConfigFrom,
    clock: clockStatus(businessCalendarOf(runtime.config.config), runtime.platform.clock.now(), process.env['SWITCHBOARD_NOW']),
    generatedSecrets: runtime.generatedSecrets,
    recoveredEvents: runtime.recoveredEvents,
  })}\n`,
);

/** A path inside the project relative to it, any other absolute. */
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === '' ? '.' : inside.startsWith('..') ? path : inside;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write('\nStopping: finishing the deliveries under way…\n');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
