import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { slackTsToDate } from '../../shared/providers/slack/slack-ts';
import { unansweredFlag } from './flag-message';
import { endWatch } from './close-watch';
import { WatchStore } from './watch-store';

/**
 * A first reply came due. The watch is read again: if a team member answered meanwhile (or their answer
 * was processed before the message itself), nothing happens; otherwise the message is flagged once in
 * the configured channel, with a link to it.
 */
export async function flagUnanswered(event: EventOf<'timer.fired'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const timer = event.detail;
  if (!run.check('a first-response timer', timer.kind === 'first-response' ? undefined : `unknown timer kind ${timer.kind}`)) return;
  const settings = config.firstResponse;
  if (!run.check('the first-response watch is configured', settings === undefined ? 'no firstResponse section in the configuration' : undefined, settings?.channel)) return;
  if (settings === undefined) return;

  const separator = timer.subject.indexOf(':');
  const [channel, threadTs] = [timer.subject.slice(0, separator), timer.subject.slice(separator + 1)];
  const store = new WatchStore(context.table);
  const timeZone = businessCalendarOf(config).settings.timeZone;
  const pending = await store.get(channel, threadTs);
  // The thread's watch now may be a later one, with a timer of its own: this timer was for an earlier watch.
  const watch = pending?.timerId === timer.timerId ? pending : undefined;
  if (!run.check('still waiting for a first reply', watch === undefined ? `${threadTs} in ${channel} was answered in time` : undefined)) return;
  if (watch === undefined) return;
  const answer = await store.teamAnswerAfter(watch.channel, watch.threadTs, watch.ts);
  if (answer !== undefined) {
    run.check('still waiting for a first reply', `a team member answered ${describeInstant(slackTsToDate(answer), timeZone)}`);
    await store.noteTeamMessage(watch.channel, watch.threadTs, answer, context.clock.now());
    await endWatch(watch, context, store, `a team member answered ${describeInstant(slackTsToDate(answer), timeZone)}`);
    return;
  }
  run.check('still waiting for a first reply', undefined, `posted ${describeInstant(slackTsToDate(watch.ts), timeZone)}, due ${describeInstant(new Date(watch.dueAt), timeZone)}`);

  await run.step('flag the unanswered message', async () => {
    const permalink = await context.slack.permalink(watch.channel, watch.ts);
    const posted = await postMessageOnce(context, `first-response.flag:${watch.channel}:${watch.ts}`, unansweredFlag({ channel: settings.channel, watch, permalink, timeZone }));
    await endWatch(watch, context, store, `no first reply by ${describeInstant(new Date(watch.dueAt), timeZone)}: flagged in ${settings.channel}`);
    return posted.alreadyDone ? { outcome: 'skipped', detail: `already flagged (${posted.result.ts})` } : { detail: `flagged in ${settings.channel} (${posted.result.ts})` };
  });
}
