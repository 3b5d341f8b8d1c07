import type { AutomationContext } from '../../shared/automation/automation';
import { sendSmsOnce } from '../../shared/automation/send-sms-once';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import { personPagedAt } from './escalation-plan';
import { escalationTimer } from './escalation-timer';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';
import { composePage, fitsOneSegment } from './page-message';
import { customerLink } from './paging-messages';
import { linkThreadForPage } from './thread-permalink';

/**
 * Sends page number `step` of an incident by SMS (once, however often the run is retried), remembers it,
 * and sets the timer that moves on to the next person if nobody acknowledges in time. The run then waits
 * on the incident: the run that moves it on closes this one.
 *
 * After a crash mid-send, the page is looked for in Twilio's list by number and text (the ACK code makes
 * the text the incident's); the same page sent on an earlier pass of the chain is told apart by its
 * message SID, which is recorded as that page's. The thread's link in the text is settled for the page
 * before it is composed, so that every attempt of one page has the same text.
 */
export async function pagePerson(paged: Incident, step: number, context: AutomationContext, store: IncidentStore): Promise<void> {
  const target = personPagedAt(paged, step);
  if (target === undefined) throw new RangeError(`${paged.id} has no page number ${step}`);
  const { member, pass } = target;
  const incident = await linkThreadForPage(paged, step, context, store);
  const link = customerLink(incident);
  const body = composePage({
    severity: incident.severity,
    customer: incident.customer,
    excerpt: incident.excerpt,
    code: incident.code,
    ...(link === undefined ? {} : { link: link.url }),
  });

  await context.run.step(`page ${member.name}`, async () => {
    const sent = await sendSmsOnce(
      context,
      `paging.page:${incident.id}:${step}`,
      {
        to: member.phone,
        body,
        ...(context.publicBaseUrl === undefined ? {} : { statusCallback: `${context.publicBaseUrl}/webhooks/twilio/status` }),
      },
      {
        belongsElsewhere: async (sid) => {
          const page = await store.pageOfMessage(sid);
          return page !== undefined && (page.incidentId !== incident.id || page.step !== step);
        },
      },
    );
    await store.recordPage(incident.id, { step, to: member.name, sid: sent.result.sid, sentAt: context.clock.now().toISOString() });
    const where = `page ${step + 1}, pass ${pass}${fitsOneSegment(body) ? '' : ', longer than one SMS segment'}`;
    return sent.alreadyDone ? { outcome: 'skipped', detail: `already sent (${sent.result.sid}, ${where})` } : { detail: `SMS ${sent.result.sid} (${where})` };
  });

  await context.run.step('wait for an ACK', async () => {
    const dueAt = new Date(context.clock.now().getTime() + incident.ackTimeoutMs);
    await context.timers.schedule(escalationTimer(incident.id, step, dueAt));
    const zone = businessCalendarOf(context.config).settings.timeZone;
    return { outcome: 'waiting', detail: `next page at ${describeInstant(dueAt, zone)} unless ${member.name} replies ACK ${incident.code}` };
  });
}
