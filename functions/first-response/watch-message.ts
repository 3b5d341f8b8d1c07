import type { AutomationContext } from '../../shared/automation/automation';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import { designatedChannelOf, whyNotACustomer, whyNotATeamMember } from '../../shared/customers/customer-messages';
import type { EventOf } from '../../shared/events/catalogue';
import { firstLine } from '../../shared/providers/slack/slack-text';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import { answeredWatches } from './answered-watches';
import { closeWatch } from './close-watch';
import { responseDeadline } from './response-deadline';
import { WatchStore } from './watch-store';

const EXCERPT_LIMIT = 150;

/**
 * A message in a designated channel. A customer's starts a watch: a timer for the time a first reply is
 * due — unless it continues a question already watched, or is a reply in a thread the team has already
 * answered (the SLA is the first response; a new message at the top of the channel is a new conversation,
 * and is watched). A team member's answers the watches it replies to — in the thread, or in the channel —
 * and cancels their timers.
 */
export async function watchMessage(event: EventOf<'slack.message.posted'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const message = event.detail;
  const settings = config.firstResponse;
  if (!run.check('the first-response watch is configured', settings === undefined ? 'no firstResponse section in the configuration' : undefined)) return;
  if (settings === undefined) return;
  const channel = designatedChannelOf(config, message.channel);
  if (!run.check('designated customer channel', channel === undefined ? `${message.channel} is not a designated customer channel` : undefined, channel?.customer)) return;
  const store = new WatchStore(context.table);

  if (whyNotATeamMember(config, message) === undefined) {
    run.check('a team member writes', undefined, message.user);
    await run.step('close the watches it answers', async () => {
      await store.noteTeamMessage(message.channel, message.threadTs, message.ts, context.clock.now());
      // A reply in a thread answers that thread's watch; one at the top of the channel, every earlier one.
      const candidates = message.threadTs === undefined ? await store.pending(message.channel) : [await store.get(message.channel, message.threadTs)].filter((watch) => watch !== undefined);
      const answered = answeredWatches(candidates, { ts: message.ts, threadTs: message.threadTs });
      for (const watch of answered) {
        await closeWatch(watch, context, store, { ts: message.ts, reason: `${message.user} answered in ${message.threadTs === undefined ? 'the channel' : 'the thread'}` });
      }
      const where = message.threadTs === undefined ? 'in the channel' : `in thread ${message.threadTs}`;
      return answered.length === 0
        ? { detail: `${message.user} wrote ${where}; no watch was waiting for it` }
        : { detail: `${message.user} answered ${answered.map((watch) => `${watch.ts} (${watch.user})`).join(', ')} ${where}` };
    });
    return;
  }
  if (!run.check('sender is a customer', whyNotACustomer(config, message), message.user)) return;

  const user = message.user as string; // checked by whyNotACustomer
  const calendar = businessCalendarOf(config);
  const timeZone = calendar.settings.timeZone;
  const inThread = message.threadTs !== undefined && message.threadTs !== message.ts;
  const answeredAt = inThread ? await store.threadAnsweredAt(message.channel, message.threadTs as string) : undefined;
  const alreadyAnswered = answeredAt === undefined ? undefined : `the team already answered this thread at ${describeInstant(slackTsToDate(answeredAt), timeZone)}`;
  if (!run.check('needs a first response', alreadyAnswered, inThread ? `no team answer in thread ${message.threadTs} yet` : 'a new conversation at the top of the channel')) return;

  const postedAt = slackTsToDate(message.ts);
  const { dueAt, within } = responseDeadline(postedAt, calendar, settings);
  await run.step('watch for a first reply', async () => {
    const joined = await store.continued(message.channel, { ts: message.ts, threadTs: message.threadTs, user });
    if (joined !== undefined) {
      await store.noteLine(message.channel, message.ts, joined);
      return { outcome: 'skipped', detail: `continues ${joined.ts}, already watched until ${describeInstant(new Date(joined.dueAt), timeZone)}` };
    }
    const threadTs = message.threadTs ?? message.ts;
    // Per watch, not per thread: a thread watched again after a flag gets a timer of its own, which a
    // schedule of the last one not yet deleted (EventBridge Scheduler deletes it after it ran) cannot shadow.
    const timerId = `first-response:${message.channel}:${message.ts}`;
    await store.start({
      channel: message.channel,
      ts: message.ts,
      threadTs,
      user,
      customer: channel?.customer ?? message.channel,
      excerpt: firstLine(message.text, EXCERPT_LIMIT),
      dueAt: dueAt.toISOString(),
      timerId,
      startedBy: message.eventId,
    });
    await context.timers.schedule({ id: timerId, automation: 'first-response', kind: 'first-response', subject: `${message.channel}:${threadTs}`, dueAt });
    const allowed = within ? `${settings.withinBusinessHours} of business time` : `${settings.outsideBusinessHours}, outside business hours`;
    return { outcome: 'waiting', detail: `a first reply is due ${describeInstant(dueAt, timeZone)} (${allowed})` };
  });
}
