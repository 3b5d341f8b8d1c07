/**
 * The permalink Slack gives a message, built the way Slack builds it: the workspace's URL, the channel,
 * and the ts without its dot after a `p` (a thread reply also names its thread). Used by the dry-run
 * adapter, which cannot ask Slack.
 *
 * @example dryRunPermalink('example', 'C0ACMEPROD', '1795406400.000200') // 'https://example.slack.com/archives/C0ACMEPROD/p1795406400000200'
 */
export function dryRunPermalink(workspace: string, channel: string, ts: string): string {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return `https://${workspace}.slack.com/archives/${channel}/p${seconds}${fraction.padEnd(6, '0').slice(0, 6)}`;
}
