import type { AutomationContext } from '../../shared/automation/automation';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { conversationLabel } from './application';
import type { ApplicationStore } from './application-store';
import { applicationMarkdown, applicationTitle } from './conversation-content';
import { conversationDestination, createConversation } from './create-conversation';
import { conversationEffectKey, conversationReference } from './conversation-reference';
import { cseForTurn, takeTurn } from './cse-rotation';
import { deadlinePlan, slaHoursOf } from './deadline-plan';
import { deadlineTimers } from './deadline-timers';
import { jobApplicationsSettings } from './job-applications-config';
import { readyReply } from './ready-reply';
import { stripDepartmentEmoji } from './strip-department-emoji';

type Submission = EventOf<'contact.form.submitted'>;

/**
 * A job application from the website: assign the next CSE in turn, create its Unthread conversation with
 * the ready reply, and set the reminders of its deadline (4 business hours from receipt by default). A
 * redelivered or replayed submission finds its application and conversation, and only completes what is
 * missing. Step details name the position and the CSE, never the applicant.
 */
export async function receiveApplication(event: Submission, context: AutomationContext, store: ApplicationStore): Promise<void> {
  const { run, config } = context;
  const submission = event.detail;
  const settings = await jobApplicationsSettings(context);
  const calendar = businessCalendarOf(config);
  const zone = calendar.settings.timeZone;
  const position = stripDepartmentEmoji(submission.position ?? '');
  const sla = slaHoursOf(settings.sla);

  const { application } = await run.step('assign a CSE', async () => {
    const existing = await store.get(submission.eventId);
    if (existing !== undefined) return { outcome: 'skipped' as const, detail: `${existing.cse.name}, turn ${existing.turn} (assigned before)`, application: existing };
    // The turn is taken once per application, however often the run is retried. No `find`: a counter has
    // nothing to look up, so a crash between the increment and the ledger's completion takes one more
    // turn (a CSE is skipped once), which is fairer than ever giving two applications the same turn.
    const { result: turn } = await context.once(`job-applications.turn:${submission.eventId}`, () => takeTurn(context.table));
    const cse = cseForTurn(settings.cses, turn);
    const plan = deadlinePlan(calendar, new Date(submission.receivedAt), sla);
    const opened = await store.open({
      id: submission.eventId,
      position,
      cse: { name: cse.name, slackUserId: cse.slackUserId, unthreadUserId: cse.unthreadUserId },
      turn,
      receivedAt: submission.receivedAt,
      remindAt: plan.remindAt.toISOString(),
      dueAt: plan.dueAt.toISOString(),
      escalateAt: plan.escalateAt.toISOString(),
    });
    return { detail: `${opened.application.cse.name}, turn ${opened.application.turn}`, application: opened.application };
  });

  const due = describeInstant(new Date(application.dueAt), zone);
  const key = conversationEffectKey(submission.eventId);
  const reference = conversationReference(key);
  const { conversation } = await run.step('create the Unthread conversation', async () => {
    const reply = readyReply(settings, submission.emailAddress, {
      firstName: submission.firstName,
      lastName: submission.lastName,
      position: application.position,
      company: config.company.name,
      cse: application.cse.name,
    });
    const created = await createConversation(context, key, {
      reference,
      ...conversationDestination(settings),
      title: applicationTitle(application.position, submission.firstName, submission.lastName, reference),
      markdown: applicationMarkdown(submission, {
        position: application.position,
        cseName: application.cse.name,
        due,
        respondWithinHours: sla.respondWithin,
        reply,
        reference,
      }),
      assignedToUserId: application.cse.unthreadUserId,
      onBehalfOf: { name: `${submission.firstName} ${submission.lastName}`, email: submission.emailAddress },
    });
    await store.recordConversation(application.id, { ...created.conversation, reference });
    const what = `conversation ${conversationLabel(created.conversation)} for ${application.position}, assigned to ${application.cse.name}`;
    return created.alreadyDone ? { outcome: 'skipped' as const, detail: `${what} (created before)`, conversation: created.conversation } : { detail: what, conversation: created.conversation };
  });

  await run.step('wait for the reply', async () => {
    for (const timer of deadlineTimers(application)) await context.timers.schedule(timer);
    return {
      outcome: 'waiting',
      detail:
        `${application.position} → ${application.cse.name} (${conversationLabel(conversation)}), due ${due}; ` +
        `reminder ${describeInstant(new Date(application.remindAt), zone)}, manager told ${describeInstant(new Date(application.escalateAt), zone)} if still open`,
    };
  });
}
