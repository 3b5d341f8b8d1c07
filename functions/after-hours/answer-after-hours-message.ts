import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import { afterHoursNotice } from './notice-message';
import { noticeKey } from './notice-key';
import { whyNotATeamMember } from '../../shared/customers/customer-messages';
import { firstLine } from '../../shared/providers/slack/slack-text';
import { overnightDigestTimer } from './overnight-digest-timer';
import { OvernightStore } from './overnight-store';
import { designatedChannelOf, whyNotACustomer, whyWithinBusinessHours } from './screen-message';

const EXCERPT_LIMIT = 150;

/**
 * A customer wrote in a shared channel: if it is a designated customer channel, the sender a customer and
 * the message posted outside business hours, reply in its thread with the after-hours notice — at most
 * once per channel, sender and after-hours period. With the overnight digest on, the message is also
 * filed for the digest at the next opening, and so is a team member's reply in a thread after hours.
 */
export async function answerAfterHoursMessage(event: EventOf<'slack.message.posted'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const message = event.detail;

  const channel = designatedChannelOf(config, message.channel);
  if (!run.check('designated customer channel', channel === undefined ? `${message.channel} is not a designated customer channel` : undefined, channel?.customer)) return;
  const calendar = businessCalendarOf(config);
  const postedAt = slackTsToDate(message.ts);
  const timeZone = calendar.settings.timeZone;
  const digest = config.afterHours.overnightDigest;
  const notACustomer = whyNotACustomer(config, message);
  if (notACustomer !== undefined) {
    // The digest says whether the team has replied in a customer's thread since: note our replies of the night.
    if (digest !== undefined && message.threadTs !== undefined && whyNotATeamMember(config, message) === undefined && !calendar.isWithinBusinessHours(postedAt)) {
      const threadTs = message.threadTs;
      await run.step('note the team reply for the overnight digest', async () => {
        const opening = calendar.nextOpening(postedAt);
        await new OvernightStore(context.table).recordTeamReply(opening, message.channel, threadTs, message.ts);
        return { detail: `reply in thread ${threadTs}, for the digest of ${describeInstant(opening, timeZone)}` };
      });
    }
    run.check('sender is a customer', notACustomer);
    return;
  }
  run.check('sender is a customer', undefined, message.user);
  if (!run.check('outside business hours', whyWithinBusinessHours(calendar, postedAt), `posted ${describeInstant(postedAt, timeZone)}`)) return;

  const sender = message.user as string; // checked by whyNotACustomer
  const opening = calendar.nextOpening(postedAt);
  const threadTs = message.threadTs ?? message.ts;
  const notice = afterHoursNotice({
    channel: message.channel,
    threadTs,
    sender,
    opening,
    closedToday: calendar.closureOn(postedAt),
    hours: calendar.settings,
    responseTimes: config.supportTerms.responseTimes,
    button: { sender, messageTs: message.ts, threadTs, excerpt: message.text },
  });

  if (digest !== undefined) {
    await run.step('file it for the overnight digest', async () => {
      await new OvernightStore(context.table).recordCustomerMessage(opening, {
        channel: message.channel,
        ts: message.ts,
        threadTs,
        user: sender,
        customer: channel?.customer ?? message.channel,
        excerpt: firstLine(message.text, EXCERPT_LIMIT),
      });
      // The same timer for every message of the period (its id is the opening): scheduled once.
      await context.timers.schedule(overnightDigestTimer(opening));
      return { detail: `in the digest of ${describeInstant(opening, timeZone)}` };
    });
  }

  await run.step('post after-hours notice', async () => {
    const posted = await postMessageOnce(context, noticeKey(message.channel, sender, opening), notice);
    if (!posted.alreadyDone) return { detail: `replied in thread ${threadTs} (notice ${posted.result.ts}); back ${describeInstant(opening, timeZone)}` };
    if (posted.performedBy === message.eventId) return { outcome: 'skipped', detail: `already posted by an earlier attempt (notice ${posted.result.ts})` };
    return { outcome: 'filtered', detail: `${sender} already had a notice in this after-hours period (notice ${posted.result.ts})` };
  });
}
