import { describeInstant } from '../../shared/calendar/describe';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { escapeSlackText } from '../../shared/providers/slack/slack-text';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import type { Watch } from './watch-store';

/** The flag in the team's channel: whose message, when it was posted and due, and a link to it. */
export function unansweredFlag(input: { channel: string; watch: Watch; permalink: string; timeZone: string }): SlackMessage {
  const { watch } = input;
  const posted = describeInstant(slackTsToDate(watch.ts), input.timeZone);
  const due = describeInstant(new Date(watch.dueAt), input.timeZone);
  const customer = escapeSlackText(watch.customer);
  const text = `:alarm_clock: No first reply yet to *${customer}*: <${input.permalink}|${escapeSlackText(watch.excerpt) || 'their message'}>\nPosted ${posted}; a reply was due ${due}.`;
  return {
    channel: input.channel,
    text: `No first reply yet to ${watch.customer} (posted ${posted}, due ${due})`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
