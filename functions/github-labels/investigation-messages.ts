import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';

/**
 * The comment asking for logs and reproduction steps, with an invisible marker naming the effect, by
 * which the comment is found again if the process died after GitHub took it (Markdown hides the HTML
 * comment).
 */
export function investigationComment(text: string, effectKey: string): string {
  return `${text}\n\n<!-- switchboard:${effectKey} -->`;
}

/** The marker investigationComment puts in a comment. */
export function commentMarker(effectKey: string): string {
  return `<!-- switchboard:${effectKey} -->`;
}

/** Told in Slack when an investigation ran out of time: which issue, what changed, and a link. */
export function investigationExpiredNotice(input: {
  channel: string;
  issue: string;
  url: string;
  label: string;
  businessDays: number;
  addedBack: readonly string[];
}): SlackMessage {
  const days = `${input.businessDays} business day${input.businessDays === 1 ? '' : 's'}`;
  const back = input.addedBack.length === 0 ? '' : ` and back in triage (${input.addedBack.map((label) => `\`${label}\``).join(', ')})`;
  const text = `:hourglass_flowing_sand: <${input.url}|${input.issue}> had \`${input.label}\` for ${days} without a reproduction: the label is off${back}, and the reporter was asked for logs and reproduction steps.`;
  return { channel: input.channel, text };
}
