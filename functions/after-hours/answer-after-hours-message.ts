import type { AutomationContext } from '../../shared/automation/automation';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import { afterHoursNotice } from './notice-message';
import { noticeKey } from './notice-key';
import { designatedChannelOf, whyNotACustomer, whyWithinBusinessHours } from './screen-message';

/**
 * A customer wrote in a shared channel: if it is a designated customer channel, the sender a customer and
 * the message posted outside business hours, reply in its thread with the after-hours notice — at most
 * once per channel, sender and after-hours period.
 */
export async function answerAfterHoursMessage(event: EventOf<'slack.message.posted'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const message = event.detail;

  const channel = designatedChannelOf(config, message.channel);
  if (!run.check('designated customer channel', channel === undefined ? `${message.channel} is not a designated customer channel` : undefined, channel?.customer)) return;
  if (!run.check('sender is a customer', whyNotACustomer(config, message), message.user)) return;
  const calendar = businessCalendarOf(config);
  const postedAt = slackTsToDate(message.ts);
  const timeZone = calendar.settings.timeZone;
  if (!run.check('outside business hours', whyWithinBusinessHours(calendar, postedAt), `posted ${describeInstant(postedAt, timeZone)}`)) return;

  const sender = message.user as string; // checked by whyNotACustomer
  const opening = calendar.nextOpening(postedAt);
  const threadTs = message.threadTs ?? message.ts;
  const notice = afterHoursNotice({
    channel: message.channel,
    threadTs,
    sender,
    opening,
    hours: calendar.settings,
    responseTimes: config.supportTerms.responseTimes,
    button: { sender, messageTs: message.ts, threadTs, excerpt: message.text },
  });

  await run.step('post after-hours notice', async () => {
    const posted = await context.once(noticeKey(message.channel, sender, opening), () => context.slack.postMessage(notice));
    if (!posted.alreadyDone) return { detail: `replied in thread ${threadTs} (notice ${posted.result.ts}); back ${describeInstant(opening, timeZone)}` };
    if (posted.performedBy === message.eventId) return { outcome: 'skipped', detail: `already posted by an earlier attempt (notice ${posted.result.ts})` };
    return { outcome: 'filtered', detail: `${sender} already had a notice in this after-hours period (notice ${posted.result.ts})` };
  });
}
