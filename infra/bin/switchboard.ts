import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SwitchboardStack } from '../stack/switchboard-stack';
import { readStackContext } from './read-stack-context';

/**
 * The CDK app. Settings come from CDK context (`cdk deploy -c alarmEmail=ops@example.com`):
 * - busName: the event bus's name (default `switchboard`);
 * - dryRunProviders: providers kept in dry-run on this stack, comma-separated (e.g. `slack,twilio` for staging);
 * - alarmEmail: who is e-mailed when a dead-letter queue is not empty or a timer was dropped;
 * - logLevel: the functions' LOG_LEVEL (default INFO);
 * - publicBaseUrl: the webhooks' public URL when a custom domain is in front of the API (e.g.
 *   `https://hooks.example.com`); Twilio signatures are verified against it. Default: the API's own URL.
 * - githubApiUrl: GitHub Enterprise Server's API (`https://github.example.com/api/v3`). Default: api.github.com.
 * - salesforceInstanceUrl: where to call Salesforce's REST API instead of the token answer's instance_url
 *   (a proxy, a pinned instance). Default: the token answer's.
 * No environment lookups, so `cdk synth` works offline; cdk-nag's AwsSolutions pack runs on every synth and
 * fails it on any unacknowledged finding.
 */
const app = new App();

new SwitchboardStack(app, 'Switchboard', {
  description: 'Switchboard: verified webhooks become events on EventBridge; small Lambda automations act on them',
  ...readStackContext(app.node),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
