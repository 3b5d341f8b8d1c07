import type { Node } from 'constructs';
import type { SwitchboardStackProps } from '../stack/switchboard-stack';

/**
 * The stack's settings from CDK context (`cdk deploy -c publicBaseUrl=https://hooks.example.com`): busName,
 * dryRunProviders (comma-separated), alarmEmail, logLevel, publicBaseUrl, githubApiUrl, salesforceInstanceUrl. Blank values count as unset;
 * the stack validates what it is given.
 *
 * @example
 * new SwitchboardStack(app, 'Switchboard', { ...readStackContext(app.node) });
 */
export function readStackContext(node: Node): SwitchboardStackProps {
  const context = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null) return undefined;
    const text = String(value).trim();
    return text === '' ? undefined : text;
  };
  return {
    busName: context('busName'),
    dryRunProviders: context('dryRunProviders')
      ?.split(',')
      .map((provider) => provider.trim().toLowerCase())
      .filter((provider) => provider !== ''),
    alarmEmail: context('alarmEmail'),
    logLevel: context('logLevel'),
    publicBaseUrl: context('publicBaseUrl'),
    githubApiUrl: context('githubApiUrl'),
    salesforceInstanceUrl: context('salesforceInstanceUrl'),
  };
}
