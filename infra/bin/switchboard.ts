import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SwitchboardStack } from '../stack/switchboard-stack';

/**
 * The CDK app. Settings come from CDK context (`cdk deploy -c alarmEmail=ops@example.com`): busName,
 * dryRunProviders (comma-separated), alarmEmail, logLevel. No environment lookups, so `cdk synth` works
 * offline; cdk-nag's AwsSolutions pack runs on every synth and fails it on any unacknowledged finding.
 */
const app = new App();

/** A context value as a trimmed string; blank counts as unset. */
function context(key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

new SwitchboardStack(app, 'Switchboard', {
  description: 'Switchboard: verified webhooks become events on EventBridge; small Lambda automations act on them',
  busName: context('busName'),
  dryRunProviders: context('dryRunProviders')
    ?.split(',')
    .map((provider) => provider.trim().toLowerCase())
    .filter((provider) => provider !== ''),
  alarmEmail: context('alarmEmail'),
  logLevel: context('logLevel'),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
