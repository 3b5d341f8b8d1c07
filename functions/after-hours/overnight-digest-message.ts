import type { KnownBlock } from '@slack/web-api';
import { DateTime } from 'luxon';
import { describeInstant } from '../../shared/calendar/describe';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { escapeSlackText } from '../../shared/providers/slack/slack-text';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import type { EscalationState } from './escalation-state';

/** One line of the digest: a customer's message and what has happened to it since. */
export interface DigestEntry {
  customer: string;
  ts: string;
  excerpt: string;
  permalink: string;
  escalation: EscalationState;
  teamReplied: boolean;
}

/** Slack refuses a section longer than 3,000 characters, and a message of more than 50 blocks. */
const SECTION_LIMIT = 2_900;
const MAX_BLOCKS = 50;

/**
 * The overnight digest for the customer-success channel: how many customer messages came in since the
 * previous closing, then one line each, oldest first — customer, time (business time zone), the first
 * line linked to the message, the escalation (to whom, acknowledged or not), and whether the team has
 * replied in its thread.
 */
export function overnightDigest(input: { channel: string; since: Date; timeZone: string; entries: readonly DigestEntry[] }): SlackMessage {
  const count = input.entries.length === 1 ? '1 customer message' : `${input.entries.length} customer messages`;
  const since = describeInstant(input.since, input.timeZone);
  const heading = `:sunrise: *Overnight: ${count} since ${since}*`;
  const lines = input.entries.map((entry) => {
    const time = DateTime.fromJSDate(slackTsToDate(entry.ts), { zone: input.timeZone }).toFormat('ccc h:mm a');
    const text = escapeSlackText(entry.excerpt) || '(no text)';
    return `• *${escapeSlackText(entry.customer)}* · ${time} · <${entry.permalink}|${text}>\n      ${describeEscalation(entry.escalation)} · ${entry.teamReplied ? ':speech_balloon: the team replied in the thread' : ':hourglass: no team reply yet'}`;
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
  const fitted = blocks.length <= MAX_BLOCKS ? blocks : [...blocks.slice(0, MAX_BLOCKS - 1), { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '…and more: see the customer channels.' } }];
  return { channel: input.channel, text: `Overnight: ${count} since ${since}`, blocks: fitted };
}

function describeEscalation(state: EscalationState): string {
  if (!state.escalated) return 'not escalated';
  const page = `:rotating_light: escalated as ${state.severity} (${state.incidentId})`;
  switch (state.status) {
    case 'acknowledged':
      return `${page}, acknowledged by ${escapeSlackText(state.acknowledgedBy)}`;
    case 'paging':
      return `${page}, paging ${escapeSlackText(state.paging)}, not acknowledged yet`;
    case 'unanswered':
      return `${page}, nobody acknowledged`;
  }
}
