import { existsSync } from 'node:fs';
import { relative } from 'node:path';
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
    endpoints: [`${runtime.url}/webhooks/slack/events`, `${runtime.url}/webhooks/slack/interactions`, `${runtime.url}/health`],
    providers: [{ name: 'Slack', mode: runtime.platform.slack.mode, enableWith: 'SLACK_BOT_TOKEN' }],
    dataDir: relative(process.cwd(), runtime.dataDir) || '.',
    dynamoEndpoint: runtime.dynamoEndpoint,
    embedded: runtime.settings.dynamoEndpoint === undefined,
    configVersion: runtime.config.version,
    appliedConfigFrom: runtime.appliedConfigFrom,
    clockStart: env['SWITCHBOARD_NOW'],
    generatedSecrets: runtime.generatedSecrets,
    recoveredEvents: runtime.recoveredEvents,
  })}\n`,
);

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
