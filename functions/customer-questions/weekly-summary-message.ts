import type { KnownBlock } from '@slack/web-api';
import { DateTime } from 'luxon';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { escapeSlackText } from '../../shared/providers/slack/slack-text';
import type { RecordedQuestion } from './question-store';

/** Slack refuses a section longer than 3,000 characters: the list is split across sections. */
const SECTION_LIMIT = 2_900;

/**
 * The week's questions for the docs channel: how many, the week, then one line per question in the order
 * they were added — customer and channel, the question linked to the message, and its row in the sheet.
 */
export function weeklySummary(input: { channel: string; from: Date; to: Date; timeZone: string; questions: readonly RecordedQuestion[] }): SlackMessage {
  const day = (instant: Date) => DateTime.fromJSDate(instant, { zone: input.timeZone }).toFormat('EEE MMM d');
  const count = input.questions.length === 1 ? '1 customer question' : `${input.questions.length} customer questions`;
  const heading = `:books: *${count} this week* (${day(input.from)} – ${day(input.to)}), for the docs:`;
  const lines = input.questions.map((question) => {
    const who = [question.customer, question.channelLabel].filter((part) => part !== '').map(escapeSlackText).join(', ');
    const row = question.row === undefined ? `<${question.rowUrl}|in the sheet>` : `<${question.rowUrl}|row ${question.row}>`;
    return `• *${who}*: <${question.permalink}|${escapeSlackText(question.excerpt) || '(no text)'}> (${row})`;
  });
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: heading } }];
  let section = '';
  for (const line of lines) {
    if (section !== '' && section.length + line.length + 1 > SECTION_LIMIT) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: section } });
      section = '';
    }
    section = section === '' ? line : `${section}\n${line}`;
  }
  if (section !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: section } });
  // Slack takes 50 blocks: a week longer than that (hundreds of questions) ends with a pointer to the sheet.
  const fitted = blocks.length <= 50 ? blocks : [...blocks.slice(0, 49), { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '…and more: see the sheet.' } }];
  return { channel: input.channel, text: `${count} this week (${day(input.from)} – ${day(input.to)})`, blocks: fitted };
}
