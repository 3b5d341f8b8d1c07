import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { repositoryName } from '../../shared/providers/github/github';
import type { Drift } from './find-drift';
import type { SyncSettings } from './sync-settings';

/**
 * One difference in words, by codename and Account id: never a customer's name (this goes to the CLI, run
 * details and Slack alike).
 *
 * @example describeDrift({ kind: 'missing-in-public', label: 'customer-acme', color: '5319e7' }, settings) // 'in example-org/product-confidential, not in example-org/product'
 */
export function describeDrift(drift: Drift, settings: SyncSettings): string {
  const repositories = settings.repositories;
  const confidential = repositories === undefined ? 'the confidential repository' : repositoryName(repositories.confidential);
  const publicName = repositories === undefined ? 'the public repository' : repositoryName(repositories.public);
  const accounts = (list: readonly { id: string }[]) => `Account${list.length === 1 ? '' : 's'} ${list.map((account) => account.id).join(', ')}`;
  switch (drift.kind) {
    case 'missing-in-public':
      return `in ${confidential}, not in ${publicName}`;
    case 'missing-in-confidential':
      return `in ${publicName} and on ${accounts(drift.accounts)}, not in ${confidential}`;
    case 'field-without-label':
      return `on ${accounts(drift.accounts)} (${settings.field}), in neither repository`;
    case 'label-without-account':
      return `in ${drift.onlyPublic ? publicName : confidential}, on no Account's ${settings.field}`;
    case 'public-description-not-neutral':
      return `the description in ${publicName} is not "${settings.publicDescription}"`;
  }
}

/** The daily report in the internal channel: a short list of the differences, and how to repair them. */
export function driftReportMessage(drift: readonly Drift[], settings: SyncSettings): SlackMessage {
  const shown = drift.slice(0, 20);
  const lines = shown.map((difference) => `• \`${difference.label}\` ${describeDrift(difference, settings)}`);
  const more = drift.length > shown.length ? [`…and ${drift.length - shown.length} more.`] : [];
  const text = [
    `:mag: Codename drift between GitHub and Salesforce: ${drift.length} difference${drift.length === 1 ? '' : 's'}.`,
    ...lines,
    ...more,
    'Run `switchboard codenames reconcile --fix` to repair what can be repaired; it lists the rest.',
  ].join('\n');
  return { channel: settings.slackChannel, text };
}

/** "2 missing-in-public, 1 label-without-account": the kinds and their counts, for a run's detail. */
export function countDrift(drift: readonly Drift[]): string {
  const counts = new Map<string, number>();
  for (const difference of drift) counts.set(difference.kind, (counts.get(difference.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}
