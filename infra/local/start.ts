import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { routes } from '../../functions/ingest/routes';
import { startBanner } from './banner';
import { startLocalRuntime } from './local-runtime';

// Node 20 is this project's local runtime on purpose (Lambda runs 22); the SDK's notice about it is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
if (existsSync('.env')) process.loadEnvFile('.env');

const runtime = await startLocalRuntime();
const env = process.env;
process.stdout.write(
  `${startBanner({
    url: runtime.url,
    publicBaseUrl: runtime.platform.publicBaseUrl ?? runtime.url,
    endpoints: Object.entries(routes).map(([path, endpoint]) => `${endpoint.method.padEnd(5)}${runtime.url}${path}`),
    providers: [
      { name: 'Slack', mode: runtime.platform.slack.mode, enableWith: 'SLACK_BOT_TOKEN' },
      { name: 'Twilio', mode: runtime.platform.sms.mode, enableWith: 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER' },
    ],
    dataDir: displayPath(runtime.dataDir),
    dynamoEndpoint: runtime.dynamoEndpoint,
    embedded: runtime.settings.dynamoEndpoint === undefined,
    configVersion: runtime.config.version,
    appliedConfigFrom: runtime.appliedConfigFrom,
    clockStart: env['SWITCHBOARD_NOW'],
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
