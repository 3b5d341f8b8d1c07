import { DateTime } from 'luxon';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';

/** The sheet's columns, in order. Add new ones at the end: rows already written keep their places. */
export const QUESTION_COLUMNS = ['Date', 'Customer', 'Channel', 'Question', 'Permalink', 'Sent by', 'Added at', 'Key'] as const;
/** The range the automation reads back (every column above). */
export const QUESTION_RANGE = 'A:H';
const ADDED_AT = QUESTION_COLUMNS.indexOf('Added at');
const KEY = QUESTION_COLUMNS.indexOf('Key');

/** One row per message: its channel and ts, which is also the side effect's key. */
export function questionKey(channel: string, messageTs: string): string {
  return `${channel}:${messageTs}`;
}

export interface QuestionRowInput {
  channel: string;
  channelName?: string | undefined;
  messageTs: string;
  /** The customer of the designated channel; empty for another channel. */
  customer: string;
  text: string;
  permalink: string;
  sentBy: string;
  addedAt: Date;
  timeZone: string;
}

/**
 * The cells of a question's row: the date it was asked (business time zone), the customer, the channel,
 * the question, its permalink, who sent it to the sheet, when, and the key that finds the row again.
 */
export function questionRow(input: QuestionRowInput): string[] {
  return [
    DateTime.fromJSDate(slackTsToDate(input.messageTs), { zone: input.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
    input.customer,
    input.channelName === undefined ? input.channel : `#${input.channelName}`,
    input.text,
    input.permalink,
    input.sentBy,
    input.addedAt.toISOString(),
    questionKey(input.channel, input.messageTs),
  ];
}

/** The row (1-based) that holds `key`, and when it was added, among the sheet's rows; undefined when none does. */
export function findQuestionRow(rows: readonly (readonly string[])[], key: string): { row: number; addedAt: string | undefined } | undefined {
  const index = rows.findIndex((cells) => cells[KEY] === key);
  return index < 0 ? undefined : { row: index + 1, addedAt: rows[index]?.[ADDED_AT] };
}
