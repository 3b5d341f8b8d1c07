import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { describeInstant } from '../../shared/calendar/describe';
import { businessCalendarOf } from '../../shared/config/business-calendar-of';
import type { EventOf } from '../../shared/events/catalogue';
import { conversationLabel, type JobApplication } from './application';
import type { ApplicationStore } from './application-store';
import { isDeadlineKind, type DeadlineKind } from './deadline-timers';
import { jobApplicationsSettings } from './job-applications-config';
import { escalationToManager, reminderAtDeadline, reminderBeforeDeadline } from './reminder-messages';

const CLOSED = 'closed';

/**
 * A moment of an application's deadline came: unless its conversation is closed — as a webhook said, or
 * else as Unthread answers now — remind the CSE (before and at the deadline) or tell the manager (past
 * it), each once however often the timer fires.
 */
export async function handleDeadlineTimer(event: EventOf<'timer.fired'>, context: AutomationContext, store: ApplicationStore): Promise<void> {
  const { run } = context;
  const { kind, subject } = event.detail;
  if (!run.check('a deadline timer', isDeadlineKind(kind) ? undefined : `unknown timer ${event.detail.timerId}`)) return;
  const application = await store.get(subject);
  if (!run.check('application on record', application === undefined ? `no application ${subject} (expired or never created)` : undefined, application?.position)) return;
  const conversation = application!.conversation;
  if (!run.check('conversation created', conversation === undefined ? `no conversation was created for ${subject}` : undefined)) return;
  const current = { ...application!, conversation: conversation! };

  const closedByWebhook = whyClosed(current);
  if (closedByWebhook !== undefined) {
    run.check('conversation still open', closedByWebhook);
    await context.closeWaitingRun(current.id, `conversation ${conversationLabel(conversation!)} closed`);
    return;
  }
  run.check('conversation still open', undefined, `${conversationLabel(conversation!)} not closed by a webhook`);
  const status = await run.step('check the conversation in Unthread', async () => {
    const found = await context.unthread.get(conversation!.id);
    const now = context.clock.now().toISOString();
    if (found === undefined) return { detail: `${conversationLabel(conversation!)} no longer exists`, status: 'deleted' };
    if (found.status === CLOSED) await store.recordStatus(current.id, CLOSED, now, 'api');
    return { detail: `${conversationLabel(conversation!)} is ${found.status}`, status: found.status };
  });
  if (status.status === CLOSED || status.status === 'deleted') {
    run.check('open in Unthread', `${conversationLabel(conversation!)} is ${status.status}: nothing to remind`);
    await context.closeWaitingRun(current.id, `conversation ${conversationLabel(conversation!)} is ${status.status} (Unthread, asked at the ${kind} timer)`);
    return;
  }
  run.check('open in Unthread', undefined);

  await remind(kind as DeadlineKind, current, context);
  // Past the deadline the manager has been told: nothing more is scheduled, the application's wait is over.
  if (kind === 'escalate') await context.closeWaitingRun(current.id, `still open past its deadline: ${current.cse.name}'s manager was told`);
}

function whyClosed(application: JobApplication): string | undefined {
  if (application.conversationStatus !== CLOSED) return undefined;
  return `closed (Unthread ${application.statusFrom === 'api' ? 'said so when asked' : 'webhook'} at ${application.statusAt ?? '?'}): nothing to remind`;
}

async function remind(kind: DeadlineKind, application: JobApplication & { conversation: NonNullable<JobApplication['conversation']> }, context: AutomationContext): Promise<void> {
  const zone = businessCalendarOf(context.config).settings.timeZone;
  const input = { application, due: describeInstant(new Date(application.dueAt), zone) };
  // Direct messages: after a crash they are looked for in the DM with the CSE or manager.
  const key = `job-applications.${kind}:${application.id}`;
  if (kind === 'escalate') {
    const settings = await jobApplicationsSettings(context);
    await context.run.step(`tell ${settings.manager.name}`, async () => {
      const told = await postMessageOnce(context, key, escalationToManager(input, settings.manager));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `${application.position} past its deadline with ${application.cse.name}` };
    });
    return;
  }
  const message = kind === 'remind' ? reminderBeforeDeadline(input) : reminderAtDeadline(input);
  await context.run.step(`remind ${application.cse.name}`, async () => {
    const sent = await postMessageOnce(context, key, message);
    if (sent.alreadyDone) return { outcome: 'skipped', detail: 'already reminded' };
    return { detail: kind === 'remind' ? `due ${input.due}` : `due now (${input.due})` };
  });
}
