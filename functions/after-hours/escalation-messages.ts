import type { KnownBlock } from '@slack/web-api';
import { describeInstant } from '../../shared/calendar/describe';
import type { Severity } from '../../shared/events/slack-events';
import type { SlackMessage } from '../../shared/providers/slack/slack-messenger';

/** The notice once escalated: the buttons are gone, and the thread says on-call was paged. */
export function escalatedNotice(input: { channel: string; noticeTs: string; severity: Severity; requestedBy: string; at: Date; timeZone: string }): SlackMessage & { ts: string } {
  const text = `:rotating_light: <@${input.requestedBy}> escalated this as a *${input.severity}* at ${describeInstant(input.at, input.timeZone)}. On-call has been paged and will reply in this thread.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  return { channel: input.channel, ts: input.noticeTs, text, blocks };
}

/** Told, only to them, when someone else clicks a customer's escalation button. */
export function onlyTheAskerMayEscalate(input: { channel: string; user: string; threadTs: string | undefined; asker: string }): SlackMessage & { user: string } {
  return {
    channel: input.channel,
    user: input.user,
    ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
    text: `Only the person who asked (<@${input.asker}>) can escalate this. If you have an emergency of your own, post it in this channel and use the buttons on the reply you get.`,
  };
}

/** Told, only to them, when the asker clicks again after on-call was already paged. */
export function alreadyEscalated(input: { channel: string; user: string; threadTs: string | undefined }): SlackMessage & { user: string } {
  return {
    channel: input.channel,
    user: input.user,
    ...(input.threadTs === undefined ? {} : { threadTs: input.threadTs }),
    text: 'On-call has already been paged for this request; they will reply in this thread.',
  };
}
