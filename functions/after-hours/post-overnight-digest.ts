import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { IncidentStore } from '../paging/incident-store';
import { escalationStateOf } from './escalation-state';
import { overnightDigest, type DigestEntry } from './overnight-digest-message';
import { DIGEST_TIMER_KIND } from './overnight-digest-timer';
import { OvernightStore, threadOf } from './overnight-store';

/** Incidents looked at for escalations: the newest ones, far more than a night opens. */
const RECENT_INCIDENTS = 100;

/**
 * Business opens: post, once, every customer message since the previous closing to the customer-success
 * channel, with its escalation (read from the paging incidents) and whether the team has replied in its
 * thread since. A quiet night posts nothing.
 */
export async function postOvernightDigest(event: EventOf<'timer.fired'>, context: AutomationContext): Promise<void> {
  const { run, config } = context;
  const timer = event.detail;
  if (!run.check('an overnight-digest timer', timer.kind === DIGEST_TIMER_KIND ? undefined : `unknown timer kind ${timer.kind}`)) return;
  const digest = config.afterHours.overnightDigest;
  if (!run.check('the overnight digest is configured', digest === undefined ? 'no afterHours.overnightDigest in the configuration' : undefined, digest?.channel)) return;
  if (digest === undefined) return;

  const calendar = businessCalendarOf(config);
  const timeZone = calendar.settings.timeZone;
  const opening = new Date(timer.subject);
  const since = calendar.previousClosing(opening);
  const night = await new OvernightStore(context.table).night(opening);
  const quiet = night.messages.length === 0 ? `no customer message since ${describeInstant(since, timeZone)}` : undefined;
  if (!run.check('customer messages since the previous closing', quiet, `${night.messages.length}`)) return;

  const incidents = await run.step('look up escalations', async () => {
    const recent = await new IncidentStore(context.table, context.clock).list({ limit: RECENT_INCIDENTS });
    const escalated = night.messages.filter((message) => escalationStateOf(recent, message.channel, message.threadTs).escalated).length;
    return { detail: `${escalated} of ${night.messages.length} escalated`, recent };
  });
  const entries = await run.step('link to the messages', async () => {
    const linked: DigestEntry[] = [];
    for (const message of night.messages) {
      const lastReply = night.lastTeamReply.get(threadOf(message.channel, message.threadTs));
      linked.push({
        customer: message.customer,
        ts: message.ts,
        excerpt: message.excerpt,
        permalink: await context.slack.permalink(message.channel, message.ts),
        escalation: escalationStateOf(incidents.recent, message.channel, message.threadTs),
        teamReplied: lastReply !== undefined && lastReply > message.ts,
      });
    }
    return { detail: `${linked.length} permalinks`, linked };
  });

  await run.step('post the overnight digest', async () => {
    const posted = await postMessageOnce(context, `after-hours.digest:${timer.subject}`, overnightDigest({ channel: digest.channel, since, timeZone, entries: entries.linked }));
    const replied = entries.linked.filter((entry) => entry.teamReplied).length;
    return posted.alreadyDone
      ? { outcome: 'skipped', detail: `already posted (${posted.result.ts})` }
      : { detail: `${entries.linked.length} message(s), ${replied} with a team reply, to ${digest.channel} (${posted.result.ts})` };
  });
}
