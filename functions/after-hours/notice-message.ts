import type { KnownBlock } from '@slack/web-api';
import type { BusinessHoursSettings, ClosureReason } from '../../shared/calendar/business-calendar';
import { describeBusinessHours, describeInstant } from '../../shared/calendar/describe';
import type { Config } from '../../shared/config/config-schema';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';
import { ESCALATION_ACTIONS, encodeButtonValue, type EscalationButtonValue } from './escalation-button';

export interface NoticeInput {
  channel: string;
  threadTs: string;
  sender: string;
  /** When the team is back. */
  opening: Date;
  /** Why the day it was posted is closed all day (a holiday, a configured closure), if it is. */
  closedToday?: ClosureReason | undefined;
  hours: BusinessHoursSettings;
  responseTimes: Config['supportTerms']['responseTimes'];
  button: EscalationButtonValue;
}

/**
 * The after-hours notice: received outside business hours, when the team is back, the response times,
 * and the P0/P1 escalation buttons. On a weekday closed all day it names the closure ("We're closed today
 * for Thanksgiving Day"), since business hours alone would read as open. Pure: the same input gives the
 * same message.
 */
export function afterHoursNotice(input: NoticeInput): SlackMessage {
  const back = describeInstant(input.opening, input.hours.timeZone);
  const why = whyClosed(input);
  const intro = `Hi <@${input.sender}>, thanks for your message. ${why}; the team is back *${back}*.`;
  const times = input.responseTimes.map((t) => `• *${t.severity}* (${t.meaning}): ${t.target}`).join('\n');
  const value = encodeButtonValue(input.button);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: intro } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Our response times*\n${times}` } },
    { type: 'section', text: { type: 'mrkdwn', text: 'Is production down or badly degraded? Escalate and we page the on-call team now:' } },
    {
      type: 'actions',
      block_id: 'after-hours-escalation',
      elements: [
        {
          type: 'button',
          action_id: ESCALATION_ACTIONS.P0,
          style: 'danger',
          text: { type: 'plain_text', text: 'P0 – production down' },
          value,
          confirm: confirmation('Page on-call for a P0?', 'Production is unusable and you need someone now.'),
        },
        {
          type: 'button',
          action_id: ESCALATION_ACTIONS.P1,
          text: { type: 'plain_text', text: 'P1 – highly degraded' },
          value,
          confirm: confirmation('Page on-call for a P1?', 'Production is highly degraded.'),
        },
      ],
    },
  ];
  return {
    channel: input.channel,
    threadTs: input.threadTs,
    text: `Thanks for your message. ${why}; the team is back ${back}. For a P0 or P1 emergency, use the escalation buttons.`,
    blocks,
  };
}

/** "We're closed today for Thanksgiving Day", or, on an ordinary night or weekend, the business hours. */
function whyClosed(input: NoticeInput): string {
  switch (input.closedToday?.kind) {
    case 'holiday':
      return `We're closed today for ${input.closedToday.name}`;
    case 'closure':
      return "We're closed today";
    default:
      return `It reached us outside business hours (${describeBusinessHours(input.hours)})`;
  }
}

function confirmation(title: string, text: string) {
  return {
    title: { type: 'plain_text' as const, text: title },
    text: { type: 'plain_text' as const, text },
    confirm: { type: 'plain_text' as const, text: 'Page on-call' },
    deny: { type: 'plain_text' as const, text: 'Cancel' },
  };
}
