/**
 * Text from people, made safe to put inside Slack mrkdwn: `&`, `<` and `>` escaped as Slack asks, so a
 * message cannot turn into a mention, a link or a channel ping in our posts.
 *
 * @example escapeSlackText('<!channel> a & b') // '&lt;!channel&gt; a &amp; b'
 */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The first line of a message, shortened to `limit` characters (an ellipsis shows it was cut).
 *
 * @example firstLine('How do we rotate the key?\nWe have two services.', 80) // 'How do we rotate the key?'
 */
export function firstLine(text: string, limit: number): string {
  const line = (text.split('\n').find((candidate) => candidate.trim() !== '') ?? '').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
