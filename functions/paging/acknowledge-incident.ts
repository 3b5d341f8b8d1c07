import type { AutomationContext } from '../../shared/automation/automation';
import { postMessageOnce } from '../../shared/automation/post-message-once';
import { closeSupersededPage } from './close-superseded-page';
import { escalationTimerId } from './escalation-timer';
import type { Incident } from './incident';
import type { IncidentStore } from './incident-store';
import { acknowledgedInternally, acknowledgedInThread } from './paging-messages';
import { replyBySms } from './reply-by-sms';
import { acknowledgementConfirmed, alreadyAcknowledged } from './sms-replies';

/** Who to answer by SMS, and whether they had been paged for this incident yet. */
export interface SmsAcknowledger {
  phone: string;
  paged: boolean;
}

/**
 * Someone is on it: escalation stops, the run waiting on the last page is closed, the customer's thread
 * and the internal channel are told who, and the person who replied by SMS gets a confirmation.
 * Acknowledging an incident someone else already took changes nothing; they are told by SMS.
 */
export async function acknowledgeIncident(
  incident: Incident & { lastEventId?: string },
  by: string,
  eventId: string,
  context: AutomationContext,
  store: IncidentStore,
  sender?: SmsAcknowledger,
): Promise<void> {
  const { run } = context;
  const resuming = incident.status === 'acknowledged' && incident.lastEventId === eventId;
  const acknowledged = resuming ? incident : await store.acknowledge(incident.id, by, eventId);

  if (acknowledged === undefined) {
    const current = (await store.get(incident.id)) ?? incident;
    run.check('not acknowledged yet', `already acknowledged by ${current.acknowledgedBy ?? 'someone'} at ${current.acknowledgedAt ?? '?'}`);
    if (sender !== undefined) await replyBySms(context, store, eventId, sender.phone, alreadyAcknowledged(current), 'tell them it is taken');
    return;
  }

  await run.step('acknowledge', async () => ({
    ...(resuming ? { outcome: 'skipped' as const } : {}),
    detail: `${by} acknowledged ${incident.id} after page ${acknowledged.step + 1}${sender?.paged === false ? ', before being paged' : ''}`,
  }));
  await run.step('stop escalating', async () => {
    await context.timers.cancel(escalationTimerId(incident.id, acknowledged.step));
    await closeSupersededPage(acknowledged, `${by} acknowledged ${incident.id}`, context);
    return { detail: `cancelled the timer of page ${acknowledged.step + 1}` };
  });
  const slack = incident.slack;
  if (slack !== undefined) {
    await run.step("tell the customer's thread", async () => {
      const told = await postMessageOnce(context, `paging.ack-thread:${incident.id}`, acknowledgedInThread({ ...incident, slack }, by));
      return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `replied in thread ${slack.threadTs}` };
    });
  }
  await run.step('tell the internal channel', async () => {
    const told = await postMessageOnce(context, `paging.ack-internal:${incident.id}`, acknowledgedInternally(incident, by));
    return told.alreadyDone ? { outcome: 'skipped', detail: 'already told' } : { detail: `posted in ${incident.internalChannel}` };
  });
  if (sender !== undefined) await replyBySms(context, store, eventId, sender.phone, acknowledgementConfirmed(incident, by, sender.paged), 'confirm by SMS');
}
